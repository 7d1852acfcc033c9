// Package broken is a fake exercise whose stub does not compile.
package broken
