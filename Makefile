# SupportPlan: `make install PREFIX=DIR` installs the program like any other tool (see
# scripts/install); `make test` runs every test (scripts/test-all).
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all build install uninstall test try-it
all: build

build:
	swift build -c release --product supportplan --static-swift-stdlib

install:
	scripts/install --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/supportplan" "$(DESTDIR)$(PREFIX)"/share/man/man1/supportplan*.1 \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/supportplan" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_supportplan" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/supportplan.fish"
	rm -rf "$(DESTDIR)$(PREFIX)/share/supportplan"

test:
	scripts/test-all

try-it:
	scripts/try-it
