// Chapter 8 in Rust: the rules I1-I7, each seen from safe code. Rust's std
// keeps all seven; this program shows what a caller can observe of each.
use std::alloc::{GlobalAlloc, Layout, System};
use std::io;
use std::mem;
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

/// Probe counts how many times a Probe has been dropped.
struct Probe;

static DROPS: AtomicUsize = AtomicUsize::new(0);

impl Drop for Probe {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Relaxed);
    }
}

fn drops() -> usize {
    DROPS.load(Relaxed)
}

/// I1: a count moves only with a handle, unless the handle is forgotten.
/// mem::forget keeps the unit and drops nothing, so a count can be driven
/// up without a single allocation; past usize::MAX, Rc aborts the process.
fn i1() {
    let (base, dropped) = (live(), drops());
    let a = Rc::new(Probe);
    for _ in 0..1000 {
        mem::forget(Rc::clone(&a));
    }
    let (strong, n) = (Rc::strong_count(&a), live() - base);
    println!("I1: 1000 clones forgotten: strong {strong}, one handle, allocations {n}");
    let w = Rc::downgrade(&a);
    drop(a);
    let (strong, dropped) = (w.strong_count(), drops() - dropped);
    println!("I1: that handle dropped: strong {strong}, value drops {dropped}: it leaks");
}

/// I2: the value lives while strong > 0 and is dropped once, at 0.
fn i2() {
    let dropped = drops();
    let a = Rc::new(Probe);
    let b = Rc::clone(&a);
    drop(a);
    let n = drops() - dropped;
    println!("I2: one of two handles dropped: value drops {n}");
    drop(b);
    let n = drops() - dropped;
    println!("I2: the last handle dropped: value drops {n}");
}

/// I3 and I5: the allocation lives while strong + weak > 0, and is freed
/// when both are 0.
fn i3_i5() {
    let (base, dropped) = (live(), drops());
    let a = Rc::new(Probe);
    let w = Rc::downgrade(&a);
    drop(a);
    let (dropped, n) = (drops() - dropped, live() - base);
    println!("I3: strong 0, one Weak: value drops {dropped}, allocations {n}");
    drop(w);
    println!("I5: the Weak dropped too: allocations {}", live() - base);
}

/// Mirror holds the only Weak to its own allocation.
struct Mirror {
    me: Weak<Mirror>,
    base: usize, // live() before the Mirror was made
}

impl Drop for Mirror {
    fn drop(&mut self) {
        drop(mem::take(&mut self.me)); // the only Weak: the implicit weak remains
        let n = live() - self.base;
        println!("I4: the destructor dropped the only Weak: allocations {n}");
    }
}

/// I4: the strong handles own one weak unit together; weak_count hides it,
/// and it is released only after the destructor has returned.
fn i4() {
    println!("I4: a new Rc: weak_count {}", Rc::weak_count(&Rc::new(0)));
    let base = live();
    let a = Rc::new_cyclic(|me| {
        let me = me.clone();
        Mirror { me, base }
    });
    println!("I4: holding one Weak: weak_count {}", Rc::weak_count(&a));
    drop(a);
    println!("I4: the destructor returned: allocations {}", live() - base);
}

/// I6: get_mut needs strong 1 and no Weak; try_unwrap needs strong 1 only.
fn i6() {
    let mut a = Rc::new("payload");
    let w = Rc::downgrade(&a);
    println!("I6: strong 1, one Weak: get_mut {:?}", Rc::get_mut(&mut a));
    println!("I6: strong 1, one Weak: try_unwrap {:?}", Rc::try_unwrap(a));
    println!("I6: then the Weak upgrades: {}", w.upgrade().is_some());
}

/// Watcher looks at its own value through a Weak while it is being dropped.
struct Watcher {
    me: Weak<Watcher>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let (strong, up) = (self.me.strong_count(), self.me.upgrade().is_some());
        println!("I7: inside the destructor: strong {strong}, upgrade {up}");
    }
}

/// I7: upgrade succeeds only while strong > 0, and never raises it from 0.
fn i7() {
    let a = Rc::new_cyclic(|me| Watcher { me: me.clone() });
    let w = Rc::downgrade(&a);
    println!("I7: alive: upgrade {}", w.upgrade().is_some());
    drop(a);
    let (up, strong) = (w.upgrade().is_some(), w.strong_count());
    println!("I7: after the last drop: upgrade {up}, strong {strong}");
}

fn main() {
    let _ = io::stdout(); // stdout allocates its buffer on first use: before counting
    i1();
    i2();
    i3_i5();
    i4();
    i6();
    i7();
}
// Output:
// I1: 1000 clones forgotten: strong 1001, one handle, allocations 1
// I1: that handle dropped: strong 1000, value drops 0: it leaks
// I2: one of two handles dropped: value drops 0
// I2: the last handle dropped: value drops 1
// I3: strong 0, one Weak: value drops 1, allocations 1
// I5: the Weak dropped too: allocations 0
// I4: a new Rc: weak_count 0
// I4: holding one Weak: weak_count 1
// I4: the destructor dropped the only Weak: allocations 1
// I4: the destructor returned: allocations 0
// I6: strong 1, one Weak: get_mut None
// I6: strong 1, one Weak: try_unwrap Ok("payload")
// I6: then the Weak upgrades: false
// I7: alive: upgrade true
// I7: inside the destructor: strong 0, upgrade false
// I7: after the last drop: upgrade false, strong 0
