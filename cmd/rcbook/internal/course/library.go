package course

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
)

// Library is where a course gets rcbook's library from: the line about
// github.com/rcbook/rcbook in its go.mod. Exactly one field is set.
type Library struct {
	// Version is a published version of the library, which the course
	// requires: the version this rcbook was installed at.
	Version string
	// Dir is a checkout of rcbook, which a replace directive points the
	// course at: for a development build, which has no published version.
	Dir string
}

// String says where the library comes from, as init reports it.
func (l Library) String() string {
	if l.Dir != "" {
		return fmt.Sprintf("%s from the checkout at %s (a replace directive)", LibraryModule, l.Dir)
	}
	return LibraryModule + " " + l.Version
}

// modEdit returns the arguments of `go mod edit` that make the course's
// go.mod, as shipped (which replaces the library with ../, its checkout),
// take the library from l.
func (l Library) modEdit() []string {
	if l.Dir != "" {
		return []string{"mod", "edit", "-replace=" + LibraryModule + "=" + l.Dir}
	}
	return []string{"mod", "edit", "-dropreplace=" + LibraryModule, "-require=" + LibraryModule + "@" + l.Version}
}

// published matches a version the module proxy can serve: semantic, with
// no build suffix such as +dirty.
var published = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

// LibraryFor decides which library a course made by this rcbook uses, from
// the binary's build information and the checkouts of rcbook it may know
// (the folder it was built in, the one the learner is in; "" and folders
// that are not checkouts are passed over):
//
//   - installed with `go install github.com/rcbook/rcbook/cmd/rcbook@v`,
//     the binary knows v from its build information: the course requires v;
//   - built in a checkout (`go install ./cmd/rcbook`, `go run`), its
//     version is "(devel)", or a version go build stamped from git that may
//     be published nowhere: the course takes the library from the first
//     checkout that exists, through a replace directive; failing that, a
//     stamped version without +dirty is still required as it is.
//
// The error is for a development build with no checkout to point at.
func LibraryFor(info *debug.BuildInfo, checkouts ...string) (Library, error) {
	version, local := "(devel)", false
	if info != nil {
		version = info.Main.Version
		for _, s := range info.Settings {
			local = local || strings.HasPrefix(s.Key, "vcs")
		}
	}
	if published.MatchString(version) && !local {
		return Library{Version: version}, nil
	}
	for _, dir := range checkouts {
		if dir != "" && ModulePath(dir) == LibraryModule {
			return Library{Dir: dir}, nil
		}
	}
	if published.MatchString(version) {
		return Library{Version: version}, nil
	}
	return Library{}, fmt.Errorf("this rcbook is a development build (version %s), so it knows no published version of "+
		"%s for the course to require, and the checkout it was built in is gone: run it inside a checkout of rcbook, "+
		"or install a release with go install %s/cmd/rcbook@latest", version, LibraryModule, LibraryModule)
}
