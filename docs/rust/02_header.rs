// Chapter 2 in Rust: one allocation per value, holding the two counts and
// the value, and a handle that is one pointer to it. A counting allocator
// plays the part of rc.LiveAllocations.
use std::alloc::{GlobalAlloc, Layout, System};
use std::io;
use std::mem::size_of;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Counting passes every request on to the system allocator and counts the
/// allocations made and not yet freed, as rc.LiveAllocations does for rcbook.
/// It also keeps the size of the last allocation.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static LAST_SIZE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes on to System with the caller's arguments unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(1, Relaxed);
        LAST_SIZE.store(layout.size(), Relaxed);
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

/// show prints what ExampleLiveAllocations prints: allocations live since
/// base, and the counts as a handle reports them.
fn show(base: usize, r: &Rc<u64>) {
    let (strong, weak) = (Rc::strong_count(r), Rc::weak_count(r));
    println!("live: {} strong: {strong} weak: {weak}", live() - base);
}

fn main() {
    let _ = io::stdout(); // stdout allocates its buffer on first use: before counting
    let (rc, weak) = (size_of::<Rc<u64>>(), size_of::<Weak<u64>>());
    println!("handles: an Rc<u64> is {rc} bytes, a Weak<u64> {weak}: one pointer each");

    let base = live();
    let a = Rc::new(42u64);
    let size = LAST_SIZE.load(Relaxed);
    println!("Rc::new made one allocation of {size} bytes: strong, weak, value");
    let b = Rc::clone(&a); // no allocation: strong + 1
    show(base, &a);
    drop(a);
    show(base, &b);
    drop(b); // the last handle: the value is dropped, the allocation freed
    println!("live: {}", live() - base);
}
// Output:
// handles: an Rc<u64> is 8 bytes, a Weak<u64> 8: one pointer each
// Rc::new made one allocation of 24 bytes: strong, weak, value
// live: 1 strong: 2 weak: 0
// live: 1 strong: 1 weak: 0
// live: 0
