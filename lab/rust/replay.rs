// The replay itself, one step at a time, for rcdiff.rs: the value every
// allocation holds, the handles by number, and what each step does on std.

// replayer! writes the replay once for both pointer families: P is the
// strong pointer (Rc or Arc), W its Weak.
macro_rules! replayer {
    ($family:ident, $P:ident, $W:ident, $path:path) => {
        mod $family {
            use super::*;
            use family::{$P as P, $W as W};
            use std::panic::{catch_unwind, panic_any, AssertUnwindSafe};
            use $path as family;

            // V is the value every allocation holds, as the model's Value:
            // an ID, a payload that GetMut and MakeMut write, maybe a Weak
            // to the allocation it was built in (new_cyclic), and whether
            // its destructor panics. A cleanup (rcbook's NewWithCleanup) has
            // no counterpart in std: the value carries a flag, and its
            // destructor logs the cleanup first, as rcbook runs it first.
            pub struct V {
                id: u64,
                payload: i64,
                me: Option<W<V>>,
                panics: bool,
                cleanup: bool,
            }

            impl V {
                fn new(panics: bool, cleanup: bool) -> V {
                    let id = next_id();
                    V {
                        id,
                        payload: id as i64,
                        me: None,
                        panics,
                        cleanup,
                    }
                }
            }

            // make_mut's clone: a new value, with a new ID, whose Weak (if
            // any) is a clone of the original's.
            impl Clone for V {
                fn clone(&self) -> V {
                    V {
                        id: next_id(),
                        payload: self.payload,
                        me: self.me.clone(),
                        panics: self.panics,
                        cleanup: self.cleanup,
                    }
                }
            }

            // The destructor logs, then tries to upgrade its own Weak (which
            // must fail: the value is being dropped) and drops it, then may
            // panic. "Own" means the Weak points at the very allocation the
            // value is dropped in.
            impl Drop for V {
                fn drop(&mut self) {
                    JOURNAL.with(|j| {
                        let mut j = j.borrow_mut();
                        if self.cleanup {
                            *j.cleanups.entry(self.id).or_default() += 1;
                        }
                        *j.drops.entry(self.id).or_default() += 1;
                    });
                    if let Some(w) = self.me.take() {
                        let own = std::ptr::eq(w.as_ptr(), self as *const V);
                        if let Some(s) = w.upgrade() {
                            if own {
                                JOURNAL.with(|j| j.borrow_mut().resurrected.push(self.id));
                            }
                            drop(s);
                        }
                        drop(w);
                    }
                    if self.panics {
                        panic_any(OnPurpose);
                    }
                }
            }

            enum Handle {
                Strong(P<V>),
                Weak(W<V>),
            }

            #[derive(Default)]
            pub struct Replay {
                handles: BTreeMap<u64, Handle>,
            }

            fn yes(b: bool) -> &'static str {
                if b {
                    "yes"
                } else {
                    "no"
                }
            }

            // taken is what the caller does with a value tryunwrap or
            // intoinner handed back, as the model does: give up its Weak,
            // then keep it. It is never dropped, so it logs no drop.
            fn taken(mut v: V) -> String {
                drop(v.me.take());
                let answer = format!("yes v{}#{}", v.id, v.payload);
                std::mem::forget(v);
                answer
            }

            impl Replay {
                fn strong(&self, n: u64) -> &P<V> {
                    match self.handles.get(&n) {
                        Some(Handle::Strong(s)) => s,
                        _ => panic!("rcdiff: no strong handle {n}"),
                    }
                }

                fn strong_mut(&mut self, n: u64) -> &mut P<V> {
                    match self.handles.get_mut(&n) {
                        Some(Handle::Strong(s)) => s,
                        _ => panic!("rcdiff: no strong handle {n}"),
                    }
                }

                fn weak(&self, n: u64) -> &W<V> {
                    match self.handles.get(&n) {
                        Some(Handle::Weak(w)) => w,
                        _ => panic!("rcdiff: no weak handle {n}"),
                    }
                }

                fn take_strong(&mut self, n: u64) -> P<V> {
                    match self.handles.remove(&n) {
                        Some(Handle::Strong(s)) => s,
                        _ => panic!("rcdiff: no strong handle {n}"),
                    }
                }

                fn take_weak(&mut self, n: u64) -> W<V> {
                    match self.handles.remove(&n) {
                        Some(Handle::Weak(w)) => w,
                        _ => panic!("rcdiff: no weak handle {n}"),
                    }
                }

                fn add_strong(&mut self, n: u64, s: P<V>) {
                    self.handles.insert(n, Handle::Strong(s));
                }

                fn add_weak(&mut self, n: u64, w: W<V>) {
                    self.handles.insert(n, Handle::Weak(w));
                }

                // step takes one step and returns its answer.
                pub fn step(&mut self, words: &[&str]) -> String {
                    let num = |i: usize| -> u64 {
                        words
                            .get(i)
                            .and_then(|w| w.parse().ok())
                            .unwrap_or_else(|| panic!("rcdiff: bad step {words:?}"))
                    };
                    let has = |flag: &str| words[1..].contains(&flag);
                    match words[0] {
                        "new" | "cleanup" => {
                            let v = V::new(has("p"), words[0] == "cleanup");
                            let s = tracked(|| P::new(v));
                            self.add_strong(num(1), s);
                            "-".to_string()
                        }
                        "cyclic" => self.cyclic(words, num(1)),
                        "clone" => {
                            let s = P::clone(self.strong(num(1)));
                            self.add_strong(num(2), s);
                            "-".to_string()
                        }
                        "move" => {
                            let s = self.take_strong(num(1));
                            self.add_strong(num(2), s);
                            "-".to_string()
                        }
                        "drop" => {
                            let s = self.take_strong(num(1));
                            let r = catch_unwind(AssertUnwindSafe(|| drop(s)));
                            if r.is_err() { "panic" } else { "-" }.to_string()
                        }
                        "down" => {
                            let w = P::downgrade(self.strong(num(1)));
                            self.add_weak(num(2), w);
                            "-".to_string()
                        }
                        "dangling" => {
                            self.add_weak(num(1), W::new());
                            "-".to_string()
                        }
                        "wclone" => {
                            let w = self.weak(num(1)).clone();
                            self.add_weak(num(2), w);
                            "-".to_string()
                        }
                        "wmove" => {
                            let w = self.take_weak(num(1));
                            self.add_weak(num(2), w);
                            "-".to_string()
                        }
                        "wdrop" => {
                            drop(self.take_weak(num(1)));
                            "-".to_string()
                        }
                        "up" => {
                            let up = self.weak(num(1)).upgrade();
                            let ok = up.is_some();
                            if let Some(s) = up {
                                self.add_strong(num(2), s);
                            }
                            yes(ok).to_string()
                        }
                        "getmut" => match P::get_mut(self.strong_mut(num(1))) {
                            Some(v) => {
                                v.payload += 100;
                                "yes".to_string()
                            }
                            None => "no".to_string(),
                        },
                        "makemut" => {
                            let s = self.strong_mut(num(1));
                            let v = tracked(|| P::make_mut(s));
                            v.payload += 1000;
                            "-".to_string()
                        }
                        "tryunwrap" => {
                            let s = self.take_strong(num(1));
                            match P::try_unwrap(s) {
                                Ok(v) => taken(v),
                                Err(s) => {
                                    self.add_strong(num(1), s);
                                    "no".to_string()
                                }
                            }
                        }
                        "intoinner" => {
                            let s = self.take_strong(num(1));
                            match P::into_inner(s) {
                                Some(v) => taken(v),
                                None => "no".to_string(),
                            }
                        }
                        "ptreq" => {
                            yes(P::ptr_eq(self.strong(num(1)), self.strong(num(2)))).to_string()
                        }
                        "wptreq" => yes(self.weak(num(1)).ptr_eq(self.weak(num(2)))).to_string(),
                        other => panic!("rcdiff: unknown step {other:?}"),
                    }
                }

                // cyclic is new_cyclic. build looks at its Weak first (the
                // counts and an upgrade, before the value exists), keeps a
                // clone of it if asked (e M), may panic (b), and otherwise
                // stores a clone of it in the value: std lends build the
                // Weak, so rcbook's "build moves its Weak" (m) is a clone
                // here too, and must show the same counts.
                fn cyclic(&mut self, words: &[&str], n: u64) -> String {
                    let has = |flag: &str| words[2..].contains(&flag);
                    let escape: Option<u64> = words
                        .iter()
                        .position(|w| *w == "e")
                        .map(|i| words[i + 1].parse().expect("rcdiff: e M"));
                    let v = V::new(has("p"), false);
                    let mut saw = String::new();
                    let mut kept = None;
                    let built = catch_unwind(AssertUnwindSafe(|| {
                        tracked(|| {
                            P::new_cyclic(|me: &W<V>| {
                                TRACK.store(false, Relaxed);
                                let up = me.upgrade();
                                saw = format!(
                                    "build {} {} {}",
                                    me.strong_count(),
                                    me.weak_count(),
                                    yes(up.is_some())
                                );
                                drop(up);
                                if escape.is_some() {
                                    kept = Some(me.clone());
                                }
                                if has("b") {
                                    std::mem::forget(v);
                                    panic_any(OnPurpose);
                                }
                                let mut v = v;
                                v.me = Some(me.clone());
                                TRACK.store(true, Relaxed);
                                v
                            })
                        })
                    }));
                    TRACK.store(false, Relaxed);
                    let panicked = built.is_err();
                    if let Ok(s) = built {
                        self.add_strong(n, s);
                    }
                    if let (Some(m), Some(w)) = (escape, kept) {
                        self.add_weak(m, w);
                    }
                    if panicked {
                        saw + " panic"
                    } else {
                        saw
                    }
                }

                // state prints every handle, by number.
                pub fn state(&self) -> String {
                    let all: Vec<String> = self
                        .handles
                        .iter()
                        .map(|(n, h)| match h {
                            Handle::Strong(s) => {
                                format!(
                                    "s{n}={}/{}:v{}#{}",
                                    P::strong_count(s),
                                    P::weak_count(s),
                                    s.id,
                                    s.payload
                                )
                            }
                            Handle::Weak(w) => {
                                format!("w{n}={}/{}", w.strong_count(), w.weak_count())
                            }
                        })
                        .collect();
                    all.join(" ")
                }

                pub fn is_empty(&self) -> bool {
                    self.handles.is_empty()
                }
            }
        }
    };
}
