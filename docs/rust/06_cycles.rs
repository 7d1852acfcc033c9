// Two nodes that own each other are never dropped; a Weak back-pointer
// breaks the cycle and both drop.
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    name: &'static str,
    next: RefCell<Option<Rc<Node>>>,
    back: RefCell<Weak<Node>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn node(name: &'static str) -> Rc<Node> {
    Rc::new(Node { name, next: RefCell::new(None), back: RefCell::new(Weak::new()) })
}

fn main() {
    {
        let a = node("a");
        let b = node("b");
        *a.next.borrow_mut() = Some(Rc::clone(&b));
        *b.next.borrow_mut() = Some(Rc::clone(&a)); // a cycle of strong handles
        println!("cycle: a strong {}, b strong {}", Rc::strong_count(&a), Rc::strong_count(&b));
    }
    println!("the cycle's handles are gone, and neither node was dropped");
    {
        let parent = node("parent");
        let child = node("child");
        *parent.next.borrow_mut() = Some(Rc::clone(&child));
        *child.back.borrow_mut() = Rc::downgrade(&parent); // the way back does not own
        println!("tree: parent strong {}, weak {}", Rc::strong_count(&parent), Rc::weak_count(&parent));
    }
    println!("the tree's handles are gone");
}
// Output:
// cycle: a strong 2, b strong 2
// the cycle's handles are gone, and neither node was dropped
// tree: parent strong 1, weak 1
// drop parent
// drop child
// the tree's handles are gone
