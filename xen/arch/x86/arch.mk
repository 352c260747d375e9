# SPDX-License-Identifier: GPL-2.0-only
# x86_64: linked at 1 MiB and run from an identity map (so the small code
# model is enough), no FP/SIMD in the hypervisor, no red zone (exceptions
# are taken on the current stack).
CFLAGS += -m64 -march=x86-64 -mgeneral-regs-only -mno-red-zone -fno-pic \
          -fno-pie -mcmodel=small -fno-tree-loop-distribute-patterns
ARCH_AFLAGS := -m64 -fno-pic -fno-pie
ARCH_LDFLAGS := -m elf_x86_64 -z max-page-size=0x1000 --no-warn-rwx-segments

# The image QEMU's -kernel loads is the flat binary of xen-syms: its
# multiboot header uses the a.out kludge (flag 16), so the loader takes
# the load addresses from the header and never looks for an ELF header.
$(O)/xen: $(O)/xen-syms
	@echo "  OBJCOPY xen"
	$(Q)$(OBJCOPY) -O binary -R .note -R .comment $< $@
	$(Q)test "$$(od -An -tx4 -N4 $@ | tr -d ' ')" = "1badb002" || \
	    { echo "xen: multiboot header missing" >&2; rm -f $@; exit 1; }
	$(Q)size=$$(stat -c %s $@); \
	    want=$$(( 0x$$($(NM) $< | awk '$$3 == "_edata" { print $$1 }') - \
	              0x$$($(NM) $< | awk '$$3 == "_start" { print $$1 }') )); \
	    test "$$size" = "$$want" || \
	    { echo "xen: image is $$size bytes, multiboot header says $$want" >&2; \
	      rm -f $@; exit 1; }
