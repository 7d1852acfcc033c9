package rawtable

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var intType = reflect.TypeFor[int]()

// One allocation has one token while it carries units; the token is used
// up with its last unit and never handed out again.
func TestATokenLivesWhileItCarriesUnits(t *testing.T) {
	tab := New("rc", 1)
	box, other := new(int), new(int)
	tab.Lock()
	a := tab.Put(box, intType)
	b := tab.Put(box, intType)
	c := tab.Put(other, intType)
	tab.Unlock()
	require.Equal(t, a, b, "a second unit of one allocation goes into its token")
	require.NotEqual(t, a, c, "another allocation gets another token")
	assert.Equal(t, uintptr(1), a&1, "the table's tag is the token's low bit")
	assert.Equal(t, 2, tab.Units(a), "two units")

	tab.Lock()
	tab.Take(a)
	tab.Take(a)
	_, problem, broke := tab.Find(a, intType)
	tab.Unlock()
	assert.Contains(t, problem, "is used up", "the last unit taken out uses the token up")
	assert.True(t, broke, "a used-up token is a rule at stake (I1)")
	assert.Equal(t, 1, tab.Live(), "only the other allocation's token is live")

	tab.Lock()
	d := tab.Put(box, intType)
	tab.Unlock()
	assert.NotEqual(t, a, d, "a used-up token is never reused, even for its own allocation")
}

func TestFindExplainsEveryBadToken(t *testing.T) {
	tab := New("arc", 0)
	tab.Lock()
	defer tab.Unlock()
	tok := tab.Put(new(int), intType)
	for _, c := range []struct {
		tok  uintptr
		typ  reflect.Type
		want string
	}{
		{0, intType, "0 is not a token: IntoRaw never returns 0"},
		{tok + 1, intType, "was not issued by package arc"},
		{tok + 2, intType, "was never issued by IntoRaw"},
		{tok, reflect.TypeFor[string](), "is for a value of type int, not string"},
	} {
		found, problem, broke := tab.Find(c.tok, c.typ)
		assert.Nil(t, found, "a bad token finds nothing")
		assert.Contains(t, problem, c.want, "token %#x", c.tok)
		assert.False(t, broke, "only a used-up token breaks a rule")
	}
	found, problem, _ := tab.Find(tok, intType)
	assert.NotNil(t, found, "the live token finds its allocation")
	assert.Empty(t, problem, "and has nothing to explain")
}
