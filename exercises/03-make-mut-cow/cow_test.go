package cow

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// draft returns a fresh document, so that no two tests share lines.
func draft() Document {
	return Document{Title: "draft", Lines: []string{"first line", "second line"}}
}

func TestCloneDocumentIsADeepCopy(t *testing.T) {
	orig := draft()
	c := CloneDocument(orig)
	require.Equal(t, orig, c, "a clone must be equal to the original: same title, same lines")
	c.Lines[0] = "changed in the clone"
	assert.Equal(t, "first line", orig.Lines[0],
		"writing a line of the clone changed the original: the clone shares the original's backing array. "+
			"Copying the struct copies only the slice header; the lines need a new backing array")

	empty := CloneDocument(Document{Title: "empty"})
	assert.Equal(t, "empty", empty.Title, "a document without lines clones too")
	assert.Empty(t, empty.Lines, "a document without lines clones to one without lines")
}

func TestEditWritesInPlaceWhenTheEditorIsTheOnlyOwner(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(draft())
	orig := r.Get()
	Edit(&r, func(d *Document) { d.Lines = append(d.Lines, "third line") })
	assert.Same(t, orig, r.Get(),
		"r is unique (strong == 1, no Weak, I6): MakeMut must write in place, so r keeps the same value in the same allocation")
	rctest.RequireLive(t, before, 1, "writing in place makes no new allocation")
	assert.Equal(t, []string{"first line", "second line", "third line"}, r.Get().Lines, "f's change is in r's document")
	r.Drop()
}

func TestEditCopiesWhenAnotherEditorShares(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	a := rc.New(draft())
	b := a.Clone()
	Edit(&a, func(d *Document) {
		d.Title = "a's version"
		d.Lines[0] = "edited by a"
	})
	require.False(t, rc.PtrEq(&a, &b),
		"b could see the change, so a must get a copy of its own before f writes (clone on write)")
	rctest.RequireLive(t, before, 2, "the copy lives in a new allocation; b keeps the old one")
	assert.Equal(t, "draft", b.Get().Title, "b's title must be untouched: a's edit went to a's copy")
	assert.Equal(t, "first line", b.Get().Lines[0],
		"b's line changed although b's title did not: a's copy shares b's backing array. "+
			"CloneDocument must copy the lines, not just the struct")
	assert.Equal(t, "edited by a", a.Get().Lines[0], "f's change is in a's copy")
	assert.Equal(t, 1, a.StrongCount(), "a is the only owner of its copy")
	assert.Equal(t, 1, b.StrongCount(), "a gave up its share of the original: b owns it alone")
	a.Drop()
	b.Drop()
	rctest.RequireLive(t, before, 0, "each document is freed by its last owner")
}

func TestEditMovesTheDocumentOutWhenOnlyWeaksRemain(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(draft())
	w := weak.Downgrade(&r) // someone watching the document, without owning it
	lines := &r.Get().Lines[0]
	Edit(&r, func(d *Document) { d.Title = "renamed" })
	assert.Same(t, lines, &r.Get().Lines[0],
		"no other strong handle: MakeMut moves the document to a new allocation without cloning it, "+
			"so the lines keep their backing array (a clone would have made a new one)")
	up, upgraded := w.Upgrade()
	if upgraded {
		up.Drop()
	}
	assert.False(t, upgraded,
		"the Weak upgraded, so it could see r's write: with a Weak alive r was not unique (I6). "+
			"MakeMut moves the document out of the Weak's allocation, which then can no longer upgrade (I2, I7)")
	assert.Equal(t, 0, r.WeakCount(), "r's new allocation has no Weak: r is unique again")
	rctest.RequireLive(t, before, 2, "the document's new allocation, plus the old one that the Weak keeps (I3)")
	w.Drop()
	rctest.RequireLive(t, before, 1, "the last Weak frees the old, empty allocation (I5)")
	assert.Equal(t, "renamed", r.Get().Title, "f's change is in r's document")
	r.Drop()
}

func TestOnlyEditorsThatShareGetACopy(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	editors := make([]rc.Rc[Document], 3)
	editors[0] = rc.New(draft())
	editors[1] = editors[0].Clone()
	editors[2] = editors[0].Clone()
	orig := editors[0].Get()
	sign := func(editor int) func(*Document) {
		return func(d *Document) { d.Lines[0] = "signed by editor " + strconv.Itoa(editor) }
	}

	Edit(&editors[0], sign(0))
	rctest.RequireLive(t, before, 2, "editor 0 shared the document with two others: its edit needs a copy")
	Edit(&editors[1], sign(1))
	rctest.RequireLive(t, before, 3, "editor 1 still shared the original with editor 2: its edit needs a copy too")
	Edit(&editors[2], sign(2))
	rctest.RequireLive(t, before, 3, "editor 2 was the original's last owner: its edit must be in place, with no copy")
	assert.Same(t, orig, editors[2].Get(), "the last owner of the original edits the original itself")

	copy0 := editors[0].Get()
	Edit(&editors[0], func(d *Document) { d.Title = "twice" })
	assert.Same(t, copy0, editors[0].Get(), "editor 0 owns its copy alone: a second edit is in place")
	rctest.RequireLive(t, before, 3, "three editors, three documents: each copy was made once")

	for i := range editors {
		assert.Equal(t, "signed by editor "+strconv.Itoa(i), editors[i].Get().Lines[0],
			"editor %d sees only its own edit", i)
		assert.Equal(t, "second line", editors[i].Get().Lines[1], "lines nobody edited are the same in every copy")
		editors[i].Drop()
	}
	rctest.RequireLive(t, before, 0, "every document is freed")
}
