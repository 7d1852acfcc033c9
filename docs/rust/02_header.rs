// The header of an Rc allocation, seen from outside: two counts beside the
// value, one allocation for all three, and a handle that is one pointer.
use std::mem::size_of;
use std::rc::{Rc, Weak};

fn main() {
    println!("an Rc<u64> is {} bytes: one pointer to the allocation", size_of::<Rc<u64>>());
    println!("so is a Weak<u64>: {} bytes", size_of::<Weak<u64>>());

    let a = Rc::new(7u64);
    println!("new:       strong {}, weak {}", Rc::strong_count(&a), Rc::weak_count(&a));
    let b = Rc::clone(&a);
    let w = Rc::downgrade(&a);
    println!("clone+weak: strong {}, weak {}", Rc::strong_count(&a), Rc::weak_count(&a));
    println!("same allocation: {}", Rc::ptr_eq(&a, &b));
    drop(b);
    drop(a);
    // The value is gone; the Weak still points at the allocation, which it
    // keeps alive until it is dropped itself.
    println!("after both Rcs: strong {}, weak {}", w.strong_count(), w.weak_count());
}
// Output:
// an Rc<u64> is 8 bytes: one pointer to the allocation
// so is a Weak<u64>: 8 bytes
// new:       strong 1, weak 0
// clone+weak: strong 2, weak 1
// same allocation: true
// after both Rcs: strong 0, weak 0
