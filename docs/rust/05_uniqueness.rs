// Who may write: get_mut only with one strong handle and no Weak,
// make_mut copies only when it must, try_unwrap takes the value back.
use std::rc::Rc;

fn main() {
    let mut a = Rc::new(vec![1, 2]);
    println!("unique: get_mut gives {:?}", Rc::get_mut(&mut a).is_some());
    let w = Rc::downgrade(&a);
    println!("with a Weak: get_mut gives {:?}", Rc::get_mut(&mut a).is_some());
    drop(w);

    let b = Rc::clone(&a);
    Rc::make_mut(&mut a).push(3); // shared: a gets its own copy
    println!("after make_mut: a {:?}, b {:?}, same allocation {}", a, b, Rc::ptr_eq(&a, &b));

    println!("try_unwrap with two owners: {:?}", Rc::try_unwrap(Rc::clone(&b)).is_ok());
    match Rc::try_unwrap(b) {
        Ok(v) => println!("the last owner takes it back: {:?}", v),
        Err(_) => println!("still shared"),
    }
    let c = Rc::clone(&a);
    println!("into_inner of one of two: {:?}", Rc::into_inner(c));
    println!("into_inner of the last: {:?}", Rc::into_inner(a));
}
// Output:
// unique: get_mut gives true
// with a Weak: get_mut gives false
// after make_mut: a [1, 2, 3], b [1, 2], same allocation false
// try_unwrap with two owners: false
// the last owner takes it back: [1, 2]
// into_inner of one of two: None
// into_inner of the last: Some([1, 2, 3])
