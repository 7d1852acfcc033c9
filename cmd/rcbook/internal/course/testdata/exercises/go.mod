module example.com/exercises

go 1.24
