// Chapter 5 in Rust: get_mut only while the handle is alone (one strong
// handle and no Weak), make_mut copies only when it must, try_unwrap and
// into_inner take the value itself and need only one strong handle.
use std::alloc::{GlobalAlloc, Layout, System};
use std::io;
use std::mem::size_of_val;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counting passes every request on to the system allocator and counts the
/// allocations made and not yet freed, as rc.LiveAllocations does for rcbook.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes on to System with the caller's arguments unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(1, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(1, Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// live is the number of allocations made and not yet freed.
fn live() -> usize {
    LIVE.load(Relaxed)
}

/// Draft says so when it is cloned, as ExampleRc_MakeMut_onlyWeaks's clone
/// function does.
struct Draft(&'static str);

impl Clone for Draft {
    fn clone(&self) -> Draft {
        println!("clone called");
        Draft(self.0)
    }
}

fn main() {
    let _ = io::stdout(); // stdout allocates its buffer on first use: before counting

    println!("== get_mut ==");
    let mut a = Rc::new(10);
    let w = Rc::downgrade(&a);
    println!("strong 1, one Weak: get_mut: {:?}", Rc::get_mut(&mut a));
    let b = w.upgrade().unwrap(); // what the Weak may do at any moment
    let same = Rc::ptr_eq(&a, &b);
    println!("the upgraded handle reaches the same value: {same}");
    drop(b);
    drop(w);
    let p = Rc::get_mut(&mut a).unwrap();
    // While p is in use, the compiler refuses Rc::clone(&a) and Rc::downgrade(&a).
    *p = 11;
    println!("strong 1, no Weak: value: {a}");

    println!("== make_mut ==");
    let mut a = Rc::new(vec![1, 2]);
    let b = Rc::clone(&a);
    Rc::make_mut(&mut a).push(3); // a is shared, so it gets its own copy first
    println!("{a:?} {b:?} {}", Rc::ptr_eq(&a, &b));

    let base = live();
    let mut a = Rc::new(Draft("draft"));
    let w = Rc::downgrade(&a);
    Rc::make_mut(&mut a).0 = "edited"; // a Weak exists: move, no clone
    let (upgraded, n) = (w.upgrade().is_some(), live() - base);
    println!("moved: the Weak upgrades: {upgraded} allocations: {n}");
    drop(w);
    println!("the Weak dropped: allocations: {}", live() - base);
    let before = Rc::as_ptr(&a);
    let p: *const Draft = Rc::make_mut(&mut a); // unique: in place, no clone
    println!("unique: in place: {} value: {}", p == before, a.0);

    println!("== try_unwrap ==");
    let a = Rc::new("payload");
    let b = Rc::clone(&a);
    let w = Rc::downgrade(&a);
    let a = Rc::try_unwrap(a).unwrap_err(); // strong 2: refused, the handle comes back
    let strong = Rc::strong_count(&a);
    println!("strong 2: refused, a still owns a share: strong {strong}");
    drop(b);
    println!("strong 1, one Weak: {:?}", Rc::try_unwrap(a));
    println!("the Weak upgrades: {}", w.upgrade().is_some());

    let big = Rc::new([b'x'; 4096]);
    let inside = big.as_ptr();
    let v = Rc::try_unwrap(big).unwrap();
    let (moved, copy) = (size_of_val(&v), v.as_ptr() != inside);
    println!("bytes moved for [u8; 4096]: {moved} a copy: {copy}");
    let small = Rc::new(vec![0u8; 4096]);
    let elems = small.as_ptr();
    let s = Rc::try_unwrap(small).unwrap();
    let (moved, same) = (size_of_val(&s), s.as_ptr() == elems);
    println!("bytes moved for Vec<u8>: {moved} same elements: {same}");

    println!("== into_inner ==");
    let t = Rc::new("token");
    let mut owners = [Some(Rc::clone(&t)), Some(Rc::clone(&t)), Some(t)];
    for i in [2, 0, 1] {
        let owner = owners[i].take().unwrap();
        println!("owner {i}: {:?}", Rc::into_inner(owner));
    }
}
// Output:
// == get_mut ==
// strong 1, one Weak: get_mut: None
// the upgraded handle reaches the same value: true
// strong 1, no Weak: value: 11
// == make_mut ==
// [1, 2, 3] [1, 2] false
// moved: the Weak upgrades: false allocations: 2
// the Weak dropped: allocations: 1
// unique: in place: true value: edited
// == try_unwrap ==
// strong 2: refused, a still owns a share: strong 2
// strong 1, one Weak: Ok("payload")
// the Weak upgrades: false
// bytes moved for [u8; 4096]: 4096 a copy: true
// bytes moved for Vec<u8>: 24 same elements: true
// == into_inner ==
// owner 2: None
// owner 0: None
// owner 1: Some("token")
