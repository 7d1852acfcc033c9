package invariants

// Op names a public operation, so an error can say which package and which
// call went wrong. It is a small integer to keep the hot paths cheap.
type Op uint8

// The operations of package rc (Rc, Weak and Pool, which live together as
// in Rust's std::rc), then of packages arc and cell. Weak's and Pool's methods are
// named "Weak.Clone", "Pool.New" and so on, since they share a package with
// Rc's or Arc's.
const (
	RcNew Op = iota
	RcClone
	RcMove
	RcDrop
	RcGet
	RcGetMut
	RcMakeMut
	RcTryUnwrap
	RcIntoInner
	RcStrongCount
	RcWeakCount
	RcDowngrade
	RcNewCyclic
	WeakUpgrade
	WeakClone
	WeakMove
	WeakDrop
	WeakStrongCount
	WeakWeakCount
	PoolNewPool
	PoolNew
	PoolNewWithCleanup
	PoolDefault
	PoolFill
	PoolSize
	PoolMaxSize
	PoolLive

	// The operations of package arc, whose counts are shared across
	// goroutines: Arc's, then Weak's as "Weak.Clone" and so on.
	ArcNew
	ArcClone
	ArcMove
	ArcDrop
	ArcGet
	ArcGetMut
	ArcMakeMut
	ArcTryUnwrap
	ArcIntoInner
	ArcStrongCount
	ArcWeakCount
	ArcDowngrade
	ArcNewCyclic
	ArcWeakUpgrade
	ArcWeakClone
	ArcWeakMove
	ArcWeakDrop
	ArcWeakStrongCount
	ArcWeakWeakCount

	// The operations of package cell: RefCell's, then its guards', as
	// "Ref.Get", "RefMut.Release" and so on.
	CellBorrow
	CellBorrowMut
	CellReplace
	CellDrop
	RefGet
	RefRelease
	RefMutGet
	RefMutRelease

	// The operations of the engineers' API, added after the rest so that
	// the earlier values keep their numbers: Close (a Drop that returns its
	// cleanup's error), UnwrapOrClone, and the raw tokens that carry a
	// strong count through C, for package rc and then for package arc.
	RcClose
	RcUnwrapOrClone
	RcIntoRaw
	RcFromRaw
	RcIncrementStrongCount
	RcDecrementStrongCount
	ArcClose
	ArcUnwrapOrClone
	ArcIntoRaw
	ArcFromRaw
	ArcIncrementStrongCount
	ArcDecrementStrongCount
)

// via says which kind of handle an operation goes through.
type via uint8

const (
	viaOther  via = iota // no handle: a constructor or a pool
	viaStrong            // a strong handle, which may only exist while the value is alive (I2)
	viaWeak              // a Weak, which may outlive the value
)

// adds says which count an operation increments, for overflow messages.
type adds uint8

const (
	addsNothing adds = iota
	addsStrong
	addsWeak
)

type opInfo struct {
	pkg, name string
	via       via
	adds      adds
	// shared is set for package arc: its counts are atomics read one at a
	// time, so an Error holds what the operation itself saw rather than a
	// snapshot of the header at one instant, and is diagnosed accordingly.
	shared bool
}

var ops = [...]opInfo{
	RcNew:              {"rc", "New", viaOther, addsNothing, false},
	RcClone:            {"rc", "Clone", viaStrong, addsStrong, false},
	RcMove:             {"rc", "Move", viaStrong, addsNothing, false},
	RcDrop:             {"rc", "Drop", viaStrong, addsNothing, false},
	RcGet:              {"rc", "Get", viaStrong, addsNothing, false},
	RcGetMut:           {"rc", "GetMut", viaStrong, addsNothing, false},
	RcMakeMut:          {"rc", "MakeMut", viaStrong, addsNothing, false},
	RcTryUnwrap:        {"rc", "TryUnwrap", viaStrong, addsNothing, false},
	RcIntoInner:        {"rc", "IntoInner", viaStrong, addsNothing, false},
	RcStrongCount:      {"rc", "StrongCount", viaStrong, addsNothing, false},
	RcWeakCount:        {"rc", "WeakCount", viaStrong, addsNothing, false},
	RcDowngrade:        {"rc", "Downgrade", viaStrong, addsWeak, false},
	RcNewCyclic:        {"rc", "NewCyclic", viaOther, addsNothing, false},
	WeakUpgrade:        {"rc", "Weak.Upgrade", viaWeak, addsStrong, false},
	WeakClone:          {"rc", "Weak.Clone", viaWeak, addsWeak, false},
	WeakMove:           {"rc", "Weak.Move", viaWeak, addsNothing, false},
	WeakDrop:           {"rc", "Weak.Drop", viaWeak, addsNothing, false},
	WeakStrongCount:    {"rc", "Weak.StrongCount", viaWeak, addsNothing, false},
	WeakWeakCount:      {"rc", "Weak.WeakCount", viaWeak, addsNothing, false},
	PoolNewPool:        {"rc", "NewPool", viaOther, addsNothing, false},
	PoolNew:            {"rc", "Pool.New", viaOther, addsNothing, false},
	PoolNewWithCleanup: {"rc", "Pool.NewWithCleanup", viaOther, addsNothing, false},
	PoolDefault:        {"rc", "Pool.Default", viaOther, addsNothing, false},
	PoolFill:           {"rc", "Pool.Fill", viaOther, addsNothing, false},
	PoolSize:           {"rc", "Pool.Size", viaOther, addsNothing, false},
	PoolMaxSize:        {"rc", "Pool.MaxSize", viaOther, addsNothing, false},
	PoolLive:           {"rc", "Pool.Live", viaOther, addsNothing, false},

	ArcNew:             {"arc", "New", viaOther, addsNothing, true},
	ArcClone:           {"arc", "Clone", viaStrong, addsStrong, true},
	ArcMove:            {"arc", "Move", viaStrong, addsNothing, true},
	ArcDrop:            {"arc", "Drop", viaStrong, addsNothing, true},
	ArcGet:             {"arc", "Get", viaStrong, addsNothing, true},
	ArcGetMut:          {"arc", "GetMut", viaStrong, addsNothing, true},
	ArcMakeMut:         {"arc", "MakeMut", viaStrong, addsNothing, true},
	ArcTryUnwrap:       {"arc", "TryUnwrap", viaStrong, addsNothing, true},
	ArcIntoInner:       {"arc", "IntoInner", viaStrong, addsNothing, true},
	ArcStrongCount:     {"arc", "StrongCount", viaStrong, addsNothing, true},
	ArcWeakCount:       {"arc", "WeakCount", viaStrong, addsNothing, true},
	ArcDowngrade:       {"arc", "Downgrade", viaStrong, addsWeak, true},
	ArcNewCyclic:       {"arc", "NewCyclic", viaOther, addsNothing, true},
	ArcWeakUpgrade:     {"arc", "Weak.Upgrade", viaWeak, addsStrong, true},
	ArcWeakClone:       {"arc", "Weak.Clone", viaWeak, addsWeak, true},
	ArcWeakMove:        {"arc", "Weak.Move", viaWeak, addsNothing, true},
	ArcWeakDrop:        {"arc", "Weak.Drop", viaWeak, addsNothing, true},
	ArcWeakStrongCount: {"arc", "Weak.StrongCount", viaWeak, addsNothing, true},
	ArcWeakWeakCount:   {"arc", "Weak.WeakCount", viaWeak, addsNothing, true},

	CellBorrow:    {"cell", "Borrow", viaOther, addsNothing, false},
	CellBorrowMut: {"cell", "BorrowMut", viaOther, addsNothing, false},
	CellReplace:   {"cell", "Replace", viaOther, addsNothing, false},
	CellDrop:      {"cell", "Drop", viaOther, addsNothing, false},
	RefGet:        {"cell", "Ref.Get", viaOther, addsNothing, false},
	RefRelease:    {"cell", "Ref.Release", viaOther, addsNothing, false},
	RefMutGet:     {"cell", "RefMut.Get", viaOther, addsNothing, false},
	RefMutRelease: {"cell", "RefMut.Release", viaOther, addsNothing, false},

	RcClose:                 {"rc", "Close", viaStrong, addsNothing, false},
	RcUnwrapOrClone:         {"rc", "UnwrapOrClone", viaStrong, addsNothing, false},
	RcIntoRaw:               {"rc", "IntoRaw", viaStrong, addsNothing, false},
	RcFromRaw:               {"rc", "FromRaw", viaOther, addsNothing, false},
	RcIncrementStrongCount:  {"rc", "IncrementStrongCount", viaOther, addsStrong, false},
	RcDecrementStrongCount:  {"rc", "DecrementStrongCount", viaOther, addsNothing, false},
	ArcClose:                {"arc", "Close", viaStrong, addsNothing, true},
	ArcUnwrapOrClone:        {"arc", "UnwrapOrClone", viaStrong, addsNothing, true},
	ArcIntoRaw:              {"arc", "IntoRaw", viaStrong, addsNothing, true},
	ArcFromRaw:              {"arc", "FromRaw", viaOther, addsNothing, true},
	ArcIncrementStrongCount: {"arc", "IncrementStrongCount", viaOther, addsStrong, true},
	ArcDecrementStrongCount: {"arc", "DecrementStrongCount", viaOther, addsNothing, true},
}

// Package returns the package the operation belongs to, e.g. "rc".
func (o Op) Package() string { return ops[o].pkg }

// Name returns the operation's name as the API spells it, e.g. "Clone" or
// "Weak.Upgrade".
func (o Op) Name() string { return ops[o].name }

// viaStrong reports whether the operation goes through a strong handle,
// which may only exist while the value is alive (I2).
func (o Op) viaStrong() bool { return ops[o].via == viaStrong }

func (o Op) adds() adds { return ops[o].adds }

// shared reports whether the operation's counts are shared across
// goroutines (package arc).
func (o Op) shared() bool { return ops[o].shared }

// String returns "pkg.Name", e.g. "rc.Clone" or "rc.Weak.Upgrade".
func (o Op) String() string { return o.Package() + "." + o.Name() }
