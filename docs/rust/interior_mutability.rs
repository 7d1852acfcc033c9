// RefCell counts its borrows at run time: any number of shared borrows, or
// one mutable borrow, never both.
use std::cell::RefCell;
use std::rc::Rc;

fn main() {
    let shared = Rc::new(RefCell::new(vec![1]));
    let other = Rc::clone(&shared);
    other.borrow_mut().push(2); // through either owner, one writer at a time
    println!("{:?}", shared.borrow());

    let r1 = shared.borrow();
    let r2 = other.borrow();
    println!("two readers: {} and {}", r1.len(), r2.len());
    println!("a writer now: {}", match shared.try_borrow_mut() {
        Ok(_) => "granted",
        Err(_) => "refused, the value is being read",
    });
    drop(r1);
    drop(r2);
    println!("a writer after the readers: {}", if shared.try_borrow_mut().is_ok() { "granted" } else { "refused" });

    // The refusals as errors; borrow and borrow_mut panic with the same words.
    let r = shared.borrow();
    println!("try_borrow_mut beside a reader: {}", other.try_borrow_mut().unwrap_err());
    drop(r);
    let w = shared.borrow_mut();
    println!("try_borrow beside the writer: {}", other.try_borrow().unwrap_err());
    drop(w);
}
// Output:
// [1, 2]
// two readers: 2 and 2
// a writer now: refused, the value is being read
// a writer after the readers: granted
// try_borrow_mut beside a reader: RefCell already borrowed
// try_borrow beside the writer: RefCell already mutably borrowed
