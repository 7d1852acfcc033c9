// Chapter 12 in Rust: Arc is Rc with atomic counts. Each thread owns its own
// clone, the last owner runs the destructor on whichever thread it is, and
// into_inner hands the value to exactly one owner.
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::thread;

/// Conn stands for a resource that must be closed exactly once.
struct Conn {
    name: &'static str,
    queries: AtomicUsize,
}

impl Conn {
    fn open(name: &'static str) -> Conn {
        let queries = AtomicUsize::new(0);
        Conn { name, queries }
    }

    fn query(&self) {
        self.queries.fetch_add(1, Relaxed);
    }
}

impl Drop for Conn {
    // Drop has the value to itself, so it reads the count without an atomic
    // load. It sees every query because each owner's drop is a Release and
    // the last drop's fence an Acquire.
    fn drop(&mut self) {
        let queries = *self.queries.get_mut();
        println!("closed {} after {queries} queries", self.name);
    }
}

fn main() {
    println!("== each thread owns a clone ==");
    let db = Arc::new(Conn::open("db"));
    let mut threads = Vec::new();
    for _ in 0..3 {
        let mine = Arc::clone(&db); // with Rc here, spawn would not compile
        threads.push(thread::spawn(move || mine.query())); // mine drops there
    }
    drop(db); // the threads' clones keep the connection open
    for t in threads {
        t.join().unwrap();
    }

    println!("== into_inner ==");
    let a = Arc::new(vec!["result"]);
    let mut threads = Vec::new();
    for _ in 0..4 {
        let mine = Arc::clone(&a);
        threads.push(thread::spawn(move || Arc::into_inner(mine).is_some()));
    }
    // Every owner calls into_inner, main too: if main dropped its handle
    // instead, and did so last, the value would be dropped and none get it.
    let mut got = usize::from(Arc::into_inner(a).is_some());
    for t in threads {
        got += usize::from(t.join().unwrap());
    }
    println!("owners that got the value: {got}");

    println!("== Weak ==");
    let a = Arc::new("config v1");
    let w = Arc::downgrade(&a);
    if let Some(r) = w.upgrade() {
        println!("upgraded: {r} owners: {}", Arc::strong_count(&r));
    }
    drop(a);
    println!("after the last owner: {}", w.upgrade().is_some());

    println!("== get_mut ==");
    let mut a = Arc::new(1);
    let w = Arc::downgrade(&a);
    println!("with a Weak around: {:?}", Arc::get_mut(&mut a));
    drop(w);
    *Arc::get_mut(&mut a).unwrap() = 2;
    println!("alone: {a}");
}
// Output:
// == each thread owns a clone ==
// closed db after 3 queries
// == into_inner ==
// owners that got the value: 1
// == Weak ==
// upgraded: config v1 owners: 2
// after the last owner: false
// == get_mut ==
// with a Weak around: None
// alone: 2
