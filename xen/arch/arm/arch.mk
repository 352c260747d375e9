# SPDX-License-Identifier: GPL-2.0-only
# arm64: position-independent image that relocates itself (head.S), no
# FP/SIMD in the hypervisor, no outline atomics (no libgcc).
CFLAGS += -march=armv8-a -mgeneral-regs-only -mno-outline-atomics -fpie \
          -fno-tree-loop-distribute-patterns
ARCH_AFLAGS := -march=armv8-a -fpie
ARCH_LDFLAGS := -pie --no-dynamic-linker -z norelro --no-warn-rwx-segments \
                --hash-style=sysv

# The Image is the flat binary of xen-syms.
$(O)/xen: $(O)/xen-syms
	@echo "  OBJCOPY xen"
	$(Q)$(OBJCOPY) -O binary -R .note -R .comment $< $@
	$(Q)test "$$(dd if=$@ bs=1 skip=56 count=4 2>/dev/null)" = "$$(printf 'ARM\144')" || \
	    { echo "xen: arm64 Image magic missing" >&2; rm -f $@; exit 1; }
