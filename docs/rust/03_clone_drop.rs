// Chapter 3 in Rust: only the last drop does more than a decrement. The
// value's own Drop runs first, then its fields are dropped, and only then is
// the allocation freed, also when a destructor panics.
use std::alloc::{GlobalAlloc, Layout, System};
use std::io;
use std::panic;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::thread;

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

/// SpoolFile stands for a file that is closed by its own Drop.
struct SpoolFile {
    name: &'static str,
    base: usize, // live() before the file was opened
}

impl SpoolFile {
    fn open(name: &'static str) -> SpoolFile {
        SpoolFile { name, base: live() }
    }

    /// allocations counts those live now that were not when it was opened.
    fn allocations(&self) -> usize {
        live() - self.base
    }
}

impl Drop for SpoolFile {
    fn drop(&mut self) {
        if thread::panicking() {
            // A panic in flight holds allocations of its own: no count here.
            println!("close {} while a panic unwinds", self.name);
            return;
        }
        let (name, live) = (self.name, self.allocations());
        println!("close {name} - allocations live: {live}");
    }
}

/// Flushed plays the part of NewWithCleanup's cleanup: its Drop runs first,
/// then Rust drops its field, the file, whether or not that Drop returned.
struct Flushed(SpoolFile);

impl Drop for Flushed {
    fn drop(&mut self) {
        let (name, live) = (self.0.name, self.0.allocations());
        println!("flush {name} - allocations live: {live}");
    }
}

/// FullDisk is a cleanup that panics.
struct FullDisk(SpoolFile);

impl Drop for FullDisk {
    fn drop(&mut self) {
        panic!("flush {}: disk full", self.0.name);
    }
}

fn main() {
    let _ = io::stdout(); // stdout allocates its buffer on first use: before counting
    panic::set_hook(Box::new(|_| {})); // the program prints what it catches itself

    // ExampleRc_Drop_order
    let base = live();
    let a = Rc::new(Flushed(SpoolFile::open("spool.log")));
    let b = Rc::clone(&a);
    drop(a); // strong 2 -> 1: a decrement and nothing else
    println!("owners left: {}", Rc::strong_count(&b));
    drop(b); // strong 1 -> 0: Flushed::drop, SpoolFile::drop, then the allocation is freed
    println!("after the last drop - allocations live: {}", live() - base);

    // ExampleRc_Drop_panickingCleanup
    let base = live();
    let a = Rc::new(FullDisk(SpoolFile::open("spool.log")));
    let caught = panic::catch_unwind(move || drop(a));
    let message = caught.unwrap_err();
    println!("caught: {}", message.downcast_ref::<String>().unwrap());
    drop(message);
    println!("allocations live: {}", live() - base);
}
// Output:
// owners left: 1
// flush spool.log - allocations live: 1
// close spool.log - allocations live: 1
// after the last drop - allocations live: 0
// close spool.log while a panic unwinds
// caught: flush spool.log: disk full
// allocations live: 0
