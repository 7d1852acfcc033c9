package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/serve"
)

const serveHelp = `Serves the book (every chapter, the benchmarks, the workshop kit and the
exercises' READMEs) and the playground on this machine, from files inside
rcbook: no network needed. It prints the address to open, and stops at
Ctrl-C. The chapters' links to the library's code open under /code/, read
from the library's folder on this machine (the module cache, for an
installed rcbook, or the checkout it was built in).

The playground (/play) replays a script in play's command language against
the real library and draws every step as a picture you can step through,
forward and back; every scenario of docs/play opens there with one click,
and a link carries the script and the step it shows.

The replay runs here, in rcbook, not in the browser: the browser sends the
whole script and gets back a snapshot after each command. Compiled to
WebAssembly the library would be a second build to ship (Go's runtime
alone is megabytes) and to keep in step; run natively it is the library
the tests check, with every check on, and a script gives the same steps
each time, so a shared link shows what its sender saw.

-addr says where to listen; only the loopback interface is served
(127.0.0.1 or [::1]). Port 0 picks a free one.`

// serveCmd serves the book and the playground until interrupted.
func serveCmd(args []string, out io.Writer) error {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := flags.String("addr", "127.0.0.1:8080", "the loopback address and port to listen on")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return usagef("serve: unexpected argument %q\nRun 'rcbook help serve' for usage.", flags.Arg(0))
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usagef("serve: -addr %s: %v", *addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return usagef("serve: -addr %s: rcbook serves only this machine: use 127.0.0.1:PORT", *addr)
	}
	// The book's links to the library's source open from the folder this
	// rcbook was built from: the module cache for an installed rcbook, or
	// the checkout; failing both, they lead to GitHub.
	var source fs.FS
	if dir := builtIn(); dir != "" {
		source = os.DirFS(dir)
	}
	handler, err := serve.Handler(source)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "rcbook serve: the book and the playground at http://%s/ (Ctrl-C stops)\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
