# SPDX-License-Identifier: GPL-2.0-only
#
# Top-level commands. The first two are all most people need:
#
#   make run [ARCH=arm64|x86_64]   install what is missing, build, boot the
#                                  hypervisor under QEMU with a demo set-up
#   make test [T=REGEX]            every test; ends with "N passed, M failed"
#
#   make build [ARCH=...]          just build xen/xen
#   make bench / make stress       benchmarks and soak runs (not in CI)
#   make reference                 the test guests on upstream Xen 4.17
#                                  (Debian's, under QEMU arm64): upstream's
#                                  answer to every check (not in CI)
#   make compare [ARCH=...]        the same guests on upstream Xen 4.17 and
#                                  on ours (both arches unless ARCH is
#                                  given): which answers differ (also part
#                                  of make test)
#   make format                    clang-format the hypervisor sources
#   make clean

ARCH ?= arm64
T ?=

.PHONY: all deps build run test bench stress reference compare format clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@$(MAKE) --no-print-directory -C xen XEN_TARGET_ARCH=$(ARCH)

run: build
	@bash scripts/run-demo.sh $(ARCH)

test: deps
	@bash tools/tests/run-tests.sh "$(T)"

bench: deps
	@$(MAKE) --no-print-directory -s -C tools/tests/bench run

stress: deps
	@echo "No stress runs yet."

reference: deps
	@bash tools/tests/reference/xen417-arm64.sh

compare: deps
	@bash tools/tests/reference/compare-run.sh \
	    $(if $(filter command line environment,$(origin ARCH)),$(ARCH))

format:
	@find xen -name '*.[ch]' -not -path '*/build-*' -print0 | \
	    xargs -0 clang-format -i

clean:
	@$(MAKE) --no-print-directory -C xen distclean
	@$(MAKE) --no-print-directory -C tools/tests/unit clean
	@$(MAKE) --no-print-directory -C tools/tests/bench clean
	@rm -rf test-logs
