// Chapter 4 in Rust: a Weak keeps the allocation but not the value. It
// upgrades while a strong handle lives, never after, and not even from
// inside the value's own destructor.
use std::alloc::{GlobalAlloc, Layout, System};
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

/// Mirror holds a Weak to its own allocation.
struct Mirror {
    me: Weak<Mirror>,
}

impl Drop for Mirror {
    // Strong is already 0 when this runs. Rust drops the field `me` after
    // it returns; the implicit weak still holds the allocation then.
    fn drop(&mut self) {
        let (upgraded, strong) = (self.me.upgrade().is_some(), self.me.strong_count());
        println!("upgrade inside the destructor: {upgraded}");
        println!("strong count seen from the Weak: {strong}");
    }
}

fn main() {
    let _ = io::stdout(); // stdout allocates its buffer on first use: before counting

    println!("== counts over a sequence ==");
    let base = live();
    let show = |step: &str, strong: usize, weak: usize| {
        let n = live() - base;
        println!("{step:<11} strong={strong} weak={weak} allocations={n}");
    };
    let a = Rc::new("v");
    show("New:", Rc::strong_count(&a), Rc::weak_count(&a));
    let w = Rc::downgrade(&a);
    show("Downgrade:", w.strong_count(), w.weak_count());
    let b = Rc::clone(&a);
    show("Clone:", w.strong_count(), w.weak_count());
    let u = w.upgrade().unwrap();
    show("Upgrade:", w.strong_count(), w.weak_count());
    drop(u);
    drop(b);
    show("Drop x2:", w.strong_count(), w.weak_count());
    drop(a); // strong 1 -> 0: the value is dropped, the implicit weak released
    show("Drop last:", w.strong_count(), w.weak_count());
    println!("upgrade: {:?}", w.upgrade());
    drop(w); // the last owner of any kind: the allocation is freed
    println!("Weak drop:  allocations = {}", live() - base);

    println!("== upgrade from the destructor ==");
    let base = live();
    let a = Rc::new_cyclic(|me| Mirror { me: me.clone() }); // chapter 7
    drop(a);
    println!("allocations after the last drop: {}", live() - base);

    println!("== dangling Weaks ==");
    let base = live();
    let d: Weak<i32> = Weak::new();
    let z: Weak<i32> = Weak::default(); // what Rust has for a zero value: the same
    println!("upgrade: {:?}", d.upgrade());
    println!("counts: {} {}", d.strong_count(), d.weak_count());
    let c = z.clone();
    let (dz, cz) = (d.ptr_eq(&z), c.ptr_eq(&z));
    println!("all dangling Weaks are ptr_eq: {dz} {cz}");
    println!("allocations made: {}", live() - base);
}
// Output:
// == counts over a sequence ==
// New:        strong=1 weak=0 allocations=1
// Downgrade:  strong=1 weak=1 allocations=1
// Clone:      strong=2 weak=1 allocations=1
// Upgrade:    strong=3 weak=1 allocations=1
// Drop x2:    strong=1 weak=1 allocations=1
// Drop last:  strong=0 weak=0 allocations=1
// upgrade: None
// Weak drop:  allocations = 0
// == upgrade from the destructor ==
// upgrade inside the destructor: false
// strong count seen from the Weak: 0
// allocations after the last drop: 0
// == dangling Weaks ==
// upgrade: None
// counts: 0 0
// all dangling Weaks are ptr_eq: true true
// allocations made: 0
