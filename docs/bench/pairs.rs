// The Rust side of docs/benchmarks.md's ratio table: the same operation
// pairs as rcbook's Go benchmarks (benchmarks/*_test.go), on std's Rc and
// Weak, timed the way `go test -bench` times them. Built with `rustc -O`
// and run by `go run ./docs/bench`, which alternates it with the Go runs.
//
// Usage: pairs SECONDS [NAME] — each pair runs for at least SECONDS and
// prints one line, "name<TAB>ns per operation". With NAME, only the pair of
// that name runs, or the pairs named NAME/...
use std::hint::black_box;
use std::rc::{Rc, Weak};
use std::time::{Duration, Instant};

// time runs body(n) with n doubling until one run lasts `min`, and returns
// the time of that run per iteration, in nanoseconds.
fn time(min: Duration, mut body: impl FnMut(u64)) -> f64 {
    let mut n: u64 = 1;
    loop {
        let start = Instant::now();
        body(n);
        let took = start.elapsed();
        if took >= min || n >= 1 << 40 {
            return took.as_nanos() as f64 / n as f64;
        }
        n *= 2;
    }
}

// visit_order is the order the live-allocation benchmark visits n handles
// in: a Fisher–Yates shuffle driven by xorshift64, the same as the Go
// benchmark's, so that neither side gets a prefetcher-friendly walk.
fn visit_order(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let j = (x % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

// Node is one cell of a singly linked list, dropped without recursion by
// the loop Rust users write for long lists.
struct Node {
    next: Option<Rc<Node>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        let mut next = self.next.take();
        while let Some(rc) = next {
            match Rc::try_unwrap(rc) {
                Ok(mut node) => next = node.next.take(),
                Err(_) => break,
            }
        }
    }
}

const CHAIN: usize = 1_000_000;

fn main() {
    let secs: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let min = Duration::from_secs_f64(secs);
    let only = std::env::args().nth(2).unwrap_or_default();
    let want =
        |name: &str| only.is_empty() || name == only || name.starts_with(&format!("{only}/"));
    let report = |name: &str, ns: f64| println!("{name}\t{ns:.3}");

    let r = Rc::new(42i64);
    if want("clone_drop") {
        report(
            "clone_drop",
            time(min, |n| {
                for _ in 0..n {
                    let c = Rc::clone(black_box(&r));
                    drop(black_box(c));
                }
            }),
        );
    }
    if want("downgrade_drop") {
        report(
            "downgrade_drop",
            time(min, |n| {
                for _ in 0..n {
                    let w = Rc::downgrade(black_box(&r));
                    drop(black_box(w));
                }
            }),
        );
    }
    let w = Rc::downgrade(&r);
    if want("upgrade_drop") {
        report(
            "upgrade_drop",
            time(min, |n| {
                for _ in 0..n {
                    let u = black_box(&w).upgrade();
                    drop(black_box(u));
                }
            }),
        );
    }
    if want("weak_clone_drop") {
        report(
            "weak_clone_drop",
            time(min, |n| {
                for _ in 0..n {
                    let c = Weak::clone(black_box(&w));
                    drop(black_box(c));
                }
            }),
        );
    }
    if want("new_drop") {
        report(
            "new_drop",
            time(min, |n| {
                for _ in 0..n {
                    let r = Rc::new(black_box(42i64));
                    drop(black_box(r));
                }
            }),
        );
    }
    for live in [1usize, 10, 1000, 100_000] {
        if !want(&format!("clone_drop_live/n={live}")) {
            continue;
        }
        let handles: Vec<Rc<i64>> = (0..live).map(|i| Rc::new(i as i64)).collect();
        let order = visit_order(live);
        for h in &handles {
            drop(black_box(Rc::clone(h))); // bring them into the cache, as Go's first rounds do
        }
        let mut i = 0;
        report(
            &format!("clone_drop_live/n={live}"),
            time(min, |n| {
                for _ in 0..n {
                    let c = Rc::clone(black_box(&handles[order[i]]));
                    drop(black_box(c));
                    i += 1;
                    if i == live {
                        i = 0;
                    }
                }
            }),
        );
    }
    // One "operation" is one node of a CHAIN-node list: build the list
    // outside the clock, time only its drop.
    if !want("drop_chain") {
        return;
    }
    let mut spent = Duration::ZERO;
    let mut nodes = 0u64;
    while spent < min {
        let mut head = Rc::new(Node { next: None });
        for _ in 1..CHAIN {
            head = Rc::new(Node { next: Some(head) });
        }
        let start = Instant::now();
        drop(black_box(head));
        spent += start.elapsed();
        nodes += CHAIN as u64;
    }
    report("drop_chain", spent.as_nanos() as f64 / nodes as f64);
}
