// rcdiff replays rcbook's operation sequences on Rust's own std::rc::{Rc,
// Weak} (`rcdiff rc`) or std::sync::{Arc, Weak} on one thread (`rcdiff
// arc`), and prints after each step what Rust shows: the step's answer,
// every handle's counts and value, the drop journal and the allocations
// alive. `rcbook lab rust` (lab/rust.go) writes the sequences, reads the
// lines and compares them with rcbook's model and library. std only; the
// steps themselves are in replay.rs.
//
// Input, one step a line; handles are named by number, as the model names
// them (s1, w2, s3...: one counter for both kinds):
//
//   seq                      a new sequence: no handles, value IDs from 1
//   new N [p]                N := Rc::new(v)           p: v's drop panics
//   cleanup N [p]            N := Rc::new(v), v carrying a cleanup
//   cyclic N [p] [e M] [b] [m]
//                            N := Rc::new_cyclic(build); build keeps a clone
//                            of its Weak as M (e), then panics (b); m (build
//                            moves its Weak into the value) is replayed as a
//                            clone, all std's build can do with a lent Weak
//   clone I N | move I N | drop I | down I N | dangling N
//   wclone I N | wmove I N | wdrop I | up I N
//   getmut I | makemut I | tryunwrap I | intoinner I | ptreq I J | wptreq I J
//   end                      the sequence is over: prints "end", or "end,
//                            still held: HANDLES" if Rust still holds some
//   flush                    flushes what was printed
//
// Output, one line a step (lab/rust.go formats the model's and the
// library's views the same way):
//
//   ANSWER|HANDLES|JOURNAL|LIVE
//
// ANSWER is "-", "yes" or "no", "yes vID#PAYLOAD" (tryunwrap, intoinner),
// "panic" (a drop whose destructor panicked), or "build S W yes|no" and
// " panic" (cyclic: what build saw through its Weak, whether it panicked).
// HANDLES lists "sN=STRONG/WEAK:vID#PAYLOAD" and "wN=STRONG/WEAK" by
// number. JOURNAL is "d=" the values dropped, "c=" the cleanups run, "r="
// the values whose destructor upgraded their own Weak, each ID followed by
// "x2" if it happened twice. LIVE counts the allocations not yet freed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};

// The allocations Rc and Arc make are counted by the allocator itself:
// while TRACK is set (around the calls that allocate an Rc or Arc, and
// nothing else) each allocation is recorded; freeing a recorded one
// unrecords it. LIVE is then exactly the Rc/Arc allocations not yet freed.
// Every such allocation has one size (two counts and a V), so frees of any
// other size are not looked up.
static TRACK: AtomicBool = AtomicBool::new(false);
static SIZE: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
const SLOTS: usize = 256;
static ALLOCS: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];

struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && TRACK.load(Relaxed) {
            SIZE.store(layout.size(), Relaxed);
            let slot = ALLOCS.iter().find(|s| s.load(Relaxed) == 0);
            slot.expect("rcdiff: more than 256 allocations alive")
                .store(p as usize, Relaxed);
            LIVE.fetch_add(1, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if layout.size() == SIZE.load(Relaxed) {
            if let Some(s) = ALLOCS.iter().find(|s| s.load(Relaxed) == p as usize) {
                s.store(0, Relaxed);
                LIVE.fetch_sub(1, Relaxed);
            }
        }
        unsafe { System.dealloc(p, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> usize {
    LIVE.load(Relaxed)
}

// tracked runs f with allocation tracking on.
fn tracked<R>(f: impl FnOnce() -> R) -> R {
    TRACK.store(true, Relaxed);
    let r = f();
    TRACK.store(false, Relaxed);
    r
}

// The drop journal of the running sequence, and the ID the next value gets.
#[derive(Default)]
struct Journal {
    drops: BTreeMap<u64, u32>,
    cleanups: BTreeMap<u64, u32>,
    resurrected: Vec<u64>,
    last_id: u64,
}

thread_local! {
    static JOURNAL: RefCell<Journal> = RefCell::new(Journal::default());
}

fn next_id() -> u64 {
    JOURNAL.with(|j| {
        let mut j = j.borrow_mut();
        j.last_id += 1;
        j.last_id
    })
}

fn journal_text() -> String {
    fn ids(m: &BTreeMap<u64, u32>) -> String {
        let all: Vec<String> = m
            .iter()
            .map(|(id, n)| {
                if *n == 1 {
                    id.to_string()
                } else {
                    format!("{id}x{n}")
                }
            })
            .collect();
        all.join(",")
    }
    JOURNAL.with(|j| {
        let j = j.borrow();
        let r: Vec<String> = j.resurrected.iter().map(|id| id.to_string()).collect();
        format!(
            "d={} c={} r={}",
            ids(&j.drops),
            ids(&j.cleanups),
            r.join(",")
        )
    })
}

// What a panicking destructor or build panics with.
struct OnPurpose;

// replayer! (replay.rs) writes the replay once for both families.
#[macro_use]
mod replay;

replayer!(rc, Rc, Weak, std::rc);
replayer!(arc, Arc, Weak, std::sync);

// The two families behind one face, so that main reads the input once.
enum Family {
    Rc(rc::Replay),
    Arc(arc::Replay),
}

impl Family {
    fn step(&mut self, words: &[&str]) -> String {
        match self {
            Family::Rc(r) => r.step(words),
            Family::Arc(r) => r.step(words),
        }
    }
    fn state(&self) -> String {
        match self {
            Family::Rc(r) => r.state(),
            Family::Arc(r) => r.state(),
        }
    }
    fn is_empty(&self) -> bool {
        match self {
            Family::Rc(r) => r.is_empty(),
            Family::Arc(r) => r.is_empty(),
        }
    }
}

fn main() {
    let family = std::env::args().nth(1).unwrap_or_default();
    let fresh = || match family.as_str() {
        "rc" => Family::Rc(rc::Replay::default()),
        "arc" => Family::Arc(arc::Replay::default()),
        _ => {
            eprintln!("usage: rcdiff rc|arc < steps");
            std::process::exit(2);
        }
    };
    let mut replay = fresh();
    // The panics a step causes on purpose are caught and reported in its
    // answer; any other panic is rcdiff's own bug and ends the run.
    std::panic::set_hook(Box::new(|info| {
        if info.payload().downcast_ref::<OnPurpose>().is_none() {
            eprintln!("rcdiff: {info}");
            std::process::exit(3);
        }
    }));
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("rcdiff: reading stdin");
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.first().copied() {
            None => {}
            Some("seq") => {
                replay = fresh();
                JOURNAL.with(|j| *j.borrow_mut() = Journal::default());
            }
            Some("end") => {
                // rcbook's sequences end with every handle dropped; Rust
                // holding one still is a difference, said on the end line.
                if replay.is_empty() {
                    writeln!(out, "end").unwrap();
                } else {
                    writeln!(out, "end, still held: {}", replay.state()).unwrap();
                    replay = fresh();
                }
            }
            Some("flush") => out.flush().unwrap(),
            Some(_) => {
                let answer = replay.step(&words);
                writeln!(
                    out,
                    "{answer}|{}|{}|{}",
                    replay.state(),
                    journal_text(),
                    live()
                )
                .unwrap();
            }
        }
    }
    out.flush().unwrap();
}
