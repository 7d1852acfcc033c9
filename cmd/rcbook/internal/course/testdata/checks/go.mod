module example.com/checks

go 1.25

require github.com/rcbook/rcbook v0.0.0

require (
	github.com/stretchr/testify v1.12.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

replace github.com/rcbook/rcbook => ../../../../../..
