// Arc across threads: each thread owns a clone, and when every thread calls
// into_inner, exactly one of them gets the value back.
use std::sync::Arc;
use std::thread;

fn main() {
    let data = Arc::new(String::from("report"));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let mine = Arc::clone(&data);
            thread::spawn(move || Arc::into_inner(mine).is_some())
        })
        .collect();
    let mut winners = usize::from(Arc::into_inner(data).is_some());
    for h in handles {
        winners += usize::from(h.join().unwrap());
    }
    println!("owners that got the value back: {}", winners);
}
// Output:
// owners that got the value back: 1
