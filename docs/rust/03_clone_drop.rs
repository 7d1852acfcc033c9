// The last drop, in order: strong reaches 0, the value's destructor runs
// (and a Weak to itself can no longer upgrade there), then the allocation
// goes once no Weak is left.
use std::rc::{Rc, Weak};
use std::cell::RefCell;

struct Noisy {
    name: &'static str,
    me: RefCell<Weak<Noisy>>,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        let me = self.me.borrow();
        println!("drop {}: upgrade of its own Weak: {}", self.name, me.upgrade().is_some());
        println!("drop {}: strong {}, weak {}", self.name, me.strong_count(), me.weak_count());
    }
}

fn main() {
    let a = Rc::new(Noisy { name: "a", me: RefCell::new(Weak::new()) });
    *a.me.borrow_mut() = Rc::downgrade(&a);
    let b = Rc::clone(&a);
    println!("two owners: strong {}", Rc::strong_count(&a));
    drop(a);
    println!("one dropped: strong {}, nothing else happens", Rc::strong_count(&b));
    drop(b);
    println!("the last drop has returned");
}
// Output:
// two owners: strong 2
// one dropped: strong 1, nothing else happens
// drop a: upgrade of its own Weak: false
// drop a: strong 0, weak 0
// the last drop has returned
