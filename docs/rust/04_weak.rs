// A Weak keeps the allocation but not the value: it upgrades while a
// strong handle lives, and never after.
use std::rc::{Rc, Weak};

fn main() {
    let dangling: Weak<String> = Weak::new();
    println!("Weak::new upgrades: {}", dangling.upgrade().is_some());

    let owner = Rc::new(String::from("config"));
    let w = Rc::downgrade(&owner);
    println!("strong {}, weak {}", Rc::strong_count(&owner), Rc::weak_count(&owner));
    match w.upgrade() {
        Some(s) => println!("upgraded while alive: {} (strong now {})", s, Rc::strong_count(&s)),
        None => println!("gone"),
    }
    drop(owner);
    println!("after the owner drops: upgrade gives {:?}", w.upgrade());
    println!("the Weak sees strong {}, weak {}", w.strong_count(), w.weak_count());
}
// Output:
// Weak::new upgrades: false
// strong 1, weak 1
// upgraded while alive: config (strong now 2)
// after the owner drops: upgrade gives None
// the Weak sees strong 0, weak 0
