package sitefixture

import (
	"path/filepath"
	"testing"
)

// TestLockPerFixture: a fixture's lock keeps out a second taker of the
// same fixture until it is released, and not the taker of another one.
func TestLockPerFixture(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	unlockA, err := lockFixture(a, true)
	if err != nil {
		t.Fatal(err)
	}
	if unlock, err := lockFixture(a, false); err == nil {
		unlock()
		t.Fatal("the same fixture's lock was taken twice")
	}
	unlockB, err := lockFixture(b, false)
	if err != nil {
		t.Fatalf("another fixture's lock is held up by the first: %v", err)
	}
	unlockB()
	unlockA()
	unlock, err := lockFixture(a, false)
	if err != nil {
		t.Fatalf("the released lock cannot be taken: %v", err)
	}
	unlock()
}
