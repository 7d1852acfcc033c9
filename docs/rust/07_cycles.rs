// Chapter 7 in Rust: two values that own each other are never dropped; a
// Weak link back breaks the cycle; new_cyclic hands a value a Weak to itself
// before the value exists.
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::io;
use std::rc::{Rc, Weak};
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

/// Peer owns the peer after it and only observes the one before it. The
/// links are set after both peers exist, so each sits in a RefCell.
struct Peer {
    name: &'static str,
    next: RefCell<Option<Rc<Peer>>>, // strong: keeps next alive
    prev: RefCell<Weak<Peer>>,       // weak: does not
}

impl Drop for Peer {
    // Rust drops next and prev after this returns; Go's peer.Drop drops
    // them itself.
    fn drop(&mut self) {
        println!("destructor: {}", self.name);
    }
}

fn peer(name: &'static str) -> Rc<Peer> {
    let (next, prev) = (RefCell::new(None), RefCell::new(Weak::new()));
    Rc::new(Peer { name, next, prev })
}

/// Node holds a Weak to itself, made before the node existed.
struct Node {
    name: &'static str,
    me: Weak<Node>,
}

fn main() {
    let _ = io::stdout(); // stdout allocates its buffer on first use: before counting

    println!("== a cycle ==");
    let base = live();
    let a = peer("a");
    let b = peer("b");
    *a.next.borrow_mut() = Some(Rc::clone(&b)); // a -> b
    *b.next.borrow_mut() = Some(Rc::clone(&a)); // b -> a: a cycle
    let observer = Rc::downgrade(&a);
    let (sa, sb) = (Rc::strong_count(&a), Rc::strong_count(&b));
    println!("strong counts: {sa} {sb}");
    drop(a);
    drop(b);
    println!("both handles dropped; allocations: {}", live() - base);
    println!("a seen from a Weak: strong {}", observer.strong_count());
    println!("breaking b -> a by hand:");
    let up = observer.upgrade().unwrap();
    up.next.borrow_mut().take(); // a lets go of b; b's fields let go of a
    drop(up);
    drop(observer);
    println!("allocations: {}", live() - base);

    println!("== the link back is a Weak ==");
    let base = live();
    let a = peer("a");
    let b = peer("b");
    *a.next.borrow_mut() = Some(Rc::clone(&b)); // a -> b, strong
    *b.prev.borrow_mut() = Rc::downgrade(&a); // b -> a, weak
    let (sa, sb) = (Rc::strong_count(&a), Rc::strong_count(&b));
    println!("strong counts: {sa} {sb}");
    drop(a);
    drop(b);
    println!("allocations: {}", live() - base);

    println!("== new_cyclic ==");
    let n = Rc::new_cyclic(|me: &Weak<Node>| {
        println!("strong count inside build: {}", me.strong_count());
        println!("upgrade inside build: {}", me.upgrade().is_some());
        let (name, me) = ("root", me.clone()); // build may clone the Weak, not drop it
        Node { name, me }
    });
    let me = n.me.upgrade().unwrap();
    println!("{} points to itself: {}", me.name, Rc::ptr_eq(&n, &me));
}
// Output:
// == a cycle ==
// strong counts: 2 2
// both handles dropped; allocations: 2
// a seen from a Weak: strong 1
// breaking b -> a by hand:
// destructor: b
// destructor: a
// allocations: 0
// == the link back is a Weak ==
// strong counts: 1 2
// destructor: a
// destructor: b
// allocations: 0
// == new_cyclic ==
// strong count inside build: 0
// upgrade inside build: false
// root points to itself: true
