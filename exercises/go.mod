module github.com/rcbook/rcbook/exercises

go 1.25

require (
	github.com/rcbook/rcbook v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	pgregory.net/rapid v1.3.0 // indirect
)

replace github.com/rcbook/rcbook => ../
