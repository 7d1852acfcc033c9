fn main() {
    println!("what it prints");
}
// Output:
// what it says it prints
