use std::rc::Rc;

fn main() {
    let a = Rc::new(5);
    let b = Rc::clone(&a);
    println!("strong: {}", Rc::strong_count(&a));
    drop(b);
    println!("strong: {}", Rc::strong_count(&a));
}
// Output:
// strong: 2
// strong: 1
