#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# x86_64 boot tests under qemu-system-x86_64 (q35, TCG, AMD SVM emulated).
#   x86_64.sh [XEN_IMAGE]     default: xen/build-x86_64/xen
# Prints one PASS:/FAIL: line per test; exit status 1 if any failed.
# The hypervisor leaves QEMU through isa-debug-exit: status 33 for a clean
# power-off, 35 after a panic.
set -u
. "$(dirname "$0")/lib.sh"
suite_setup x86_64 "${1:-}"

qemu_x86() {
    local smp=$1 mem=$2
    shift 2
    echo qemu-system-x86_64 -machine q35 -cpu max,-smap -smp "$smp" \
        -m "$mem" -display none -serial stdio -monitor none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$xen" "$@"
}

off='^\(XEN\) Powering off$'
range='0x[0-9a-f]{16}-0x[0-9a-f]{16}'

# 1. One CPU: banner, console, memory map, SVM and NPT found, power-off.
run --name x86_64-boot-smp1 --pass "$off" --exit 33 \
    --expect '^\(XEN\) Xen-ABI hypervisor [0-9.]+ \(x86_64' \
    --expect '^\(XEN\) Console: NS16550 UART at I/O port 0x3f8' \
    --expect '^\(XEN\) Command line \(multiboot\): loglvl=all$' \
    --expect '^\(XEN\) RAM bank 0: 0x0000000000000000-0x000000000009fbff' \
    --expect '^\(XEN\) RAM bank 1: 0x0000000000100000-' \
    --expect '^\(XEN\) Reserved region 0: ' \
    --expect '^\(XEN\) SVM: revision [0-9]+, [0-9]+ ASIDs, .*enabled.*; NPT: yes$' \
    --expect '^\(XEN\) APIC timer: 10 ms tick, vector 0xf0, [0-9]+ MHz bus clock$' \
    --expect '^\(XEN\) CPUs: 1 described in the ACPI MADT' \
    --expect '^\(XEN\) 1 CPU online$' \
    --expect '^\(XEN\) Nothing to run: no domains and no boot modules$' \
    --expect '^\(XEN\) Frame table: [0-9]+ frames in 2 ranges, [0-9]+ KiB at 0x' \
    --expect '^\(XEN\) Heap: [0-9.]+ [KMG]iB free \([0-9]+ pages\) in 1 range$' \
    -- $(qemu_x86 1 512M) -append "loglvl=all"

# 2. Four CPUs through INIT-SIPI-SIPI, each enabling SVM.
run --name x86_64-boot-smp4 --pass "$off" --exit 33 \
    --expect '^\(XEN\) CPUs: 4 described in the ACPI MADT' \
    --expect '^\(XEN\) CPU1 online \(APIC ID 0x1\)' \
    --expect '^\(XEN\) CPU2 online \(APIC ID 0x2\)' \
    --expect '^\(XEN\) CPU3 online \(APIC ID 0x3\)' \
    --expect '^\(XEN\) 4 CPUs online$' \
    --reject 'SVM.*failed' \
    -- $(qemu_x86 4 512M)

# 3. Multiboot modules with their command lines (the file name QEMU puts
#    first is dropped, as Xen does), and an FDT module checked by the
#    common reader; a corrupt one is rejected with the reason.
dtc -q -I dts -O dtb -o "$work/config.dtb" - <<'DTS'
/dts-v1/;
/ { chosen { domU1 { compatible = "xen,domain"; memory = <0 131072>; }; }; };
DTS
cp "$work/config.dtb" "$work/corrupt.dtb"
printf '\377\377\377\377' | dd of="$work/corrupt.dtb" bs=1 seek=4 conv=notrunc 2>/dev/null
run --name x86_64-boot-modules --pass "$off" --exit 33 \
    --expect "^\\(XEN\\) Boot module 0: kernel at $range \\(12 KiB\\) cmdline \"console=hvc0 root=/dev/ram rw\"\$" \
    --expect "^\\(XEN\\) Boot module 1: module at $range \\(4 KiB\\) cmdline \"\"\$" \
    --expect "^\\(XEN\\) Boot module 2: module at $range " \
    --expect '^\(XEN\) Device tree module 2 at 0x[0-9a-f]+ \([0-9]+ B\): valid$' \
    --expect '^\(XEN\) Device tree module 3 at 0x[0-9a-f]+ rejected: totalsize is larger than the blob$' \
    --expect '^\(XEN\) d0: hardware domain: 256 MiB RAM, 2 vCPUs, memory from the heap, kernel at 0x[0-9a-f]+ \(12 KiB\)$' \
    --expect '^\(XEN\) d0: RAM bank 0: 0x0000000000100000-0x00000000100fffff \(256 MiB\)$' \
    --expect '^\(XEN\) d0: not started: the kernel is not an ELF image' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_x86 2 512M) \
    -initrd "$work/kernel.bin console=hvc0 root=/dev/ram rw,$work/ramdisk.bin,$work/config.dtb,$work/corrupt.dtb"

# 4. Static memory and the static heap from the configuration DT module.
dtc -q -I dts -O dtb -o "$work/static.dtb" - <<'DTS'
/dts-v1/;
/ {
    #address-cells = <2>;
    #size-cells = <2>;
    chosen {
        xen,static-heap = <0x0 0x1000000 0x0 0x8000000>;
        domU1 {
            compatible = "xen,domain";
            memory = <0x0 0x10000>;
            xen,static-mem = <0x0 0x10000000 0x0 0x4000000>;
        };
        domU2 {
            compatible = "xen,domain";
            memory = <0x0 0x10000>;
            xen,static-mem = <0x0 0x12345000 0x0 0x800>;
        };
    };
};
DTS
run --name x86_64-static-memory --pass "$off" --exit 33 \
    --expect '^\(XEN\) Static bank: 0x0000000010000000-0x0000000013ffffff \(64 MiB\) for /chosen/domU1$' \
    --expect '^\(XEN\) DT: /chosen/domU2: xen,static-mem bank 0x12345000\+0x800 is not page aligned; the domain.s static memory is not reserved$' \
    --expect '^\(XEN\) Static heap: 0x0000000001000000-0x0000000008ffffff \(128 MiB\)$' \
    --expect '^\(XEN\) Heap: [0-9.]+ [KMG]iB free \([0-9]+ pages\) in 1 range, from the static heap only$' \
    -- $(qemu_x86 1 512M) -initrd "$work/kernel.bin,$work/static.dtb"

# 5. Command-line options shared with arm64.
run --name x86_64-cmdline --pass "$off" --exit 33 \
    --expect "^\\(XEN\\) Unknown command line option 'no-such-option'; ignored" \
    --expect '^\(XEN\) CPU2 \(APIC ID 0x2\) left offline \(maxcpus\)' \
    --expect '^\(XEN\) 2 CPUs online$' \
    -- $(qemu_x86 3 512M) -append "maxcpus=2 no-such-option=1"

# 6. An unexpected exception: registers and CR2 printed, then a panic and
#    a failing exit status.
run --name x86_64-unexpected-exception --expect-panic --exit 35 \
    --pass '^\(XEN\) Panic on CPU 0:$' \
    --expect '^\(XEN\) Unexpected exception 6 \(#UD invalid opcode\) on CPU0$' \
    --expect '^\(XEN\) RIP: +0008:[0-9a-f]{16}' \
    --expect '^\(XEN\) rax: [0-9a-f]{16}' \
    --expect 'cr2: [0-9a-f]{16}' \
    -- $(qemu_x86 1 512M) -append "selftest-fault"

# 7. The lock-order checker is in the debug image: an inversion on
#    purpose (a P2M-class lock under a page_alloc-class one, a printk in
#    between) panics naming both locks.
run --name x86_64-lock-order-violation --expect-panic --exit 35 \
    --pass '^\(XEN\) Panic on CPU 0:$' \
    --expect '^\(XEN\) selftest-lock-order: taking a P2M lock under a page_alloc_lock on purpose$' \
    --expect '^\(XEN\) Lock order violation on CPU0: taking p2m lock \(rank 3, d0\) while holding page_alloc_lock \(rank 4, d0\)$' \
    --expect '^\(XEN\) Powering off\.$' \
    -- $(qemu_x86 1 512M) -append "selftest-lock-order"

# 8. The smoke guest (guests/smoke-x86_64.S), a PVH ELF, runs as the
#    hardware domain under SVM with nested paging: CPUID leaves, the
#    hypercall page, console_io, xen_version, -ENOSYS and -EFAULT, a long
#    console write continued (registers kept, arguments advanced), unmapped
#    guest-physical accesses completed as MMIO, SCHEDOP_shutdown.
smoke=$work/smoke-x86_64.elf
if "$here/guests/build.sh" x86_64 "$smoke"; then
    run --name x86_64-smoke-guest --pass "$off" --exit 33 \
        --expect '^\(XEN\) d0: PVH kernel \(ELF64\) entry 0x100000, ' \
        --expect '^\(d0\) smoke: hello from an x86_64 PVH guest$' \
        --expect '^\(d0\) smoke: xen_version = 0x00040011$' \
        --expect '^\(d0\) smoke: a bad pointer gave -EFAULT$' \
        --expect '^\(d0\) smoke: long write done$' \
        --expect '^\(d0\) smoke: registers survived a long hypercall$' \
        --expect '^\(d0\) smoke: the long write was continued$' \
        --expect '^\(XEN\) d0: read at guest-physical 0xf0000000 \(GFN 0xf0000\): nothing mapped, read as all ones$' \
        --expect '^\(XEN\) d0: write at guest-physical 0xf0000010 \(GFN 0xf0000\): nothing mapped, dropped$' \
        --expect '^\(d0\) smoke: unmapped guest-physical reads gave all ones$' \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --expect '^\(XEN\) d0: shut down \(poweroff\)$' \
        --expect '^\(XEN\) All domains have shut down$' \
        --expect '^\(XEN\) Memory check: every page came back' \
        --reject 'crashed' \
        -- $(qemu_x86 2 512M) -append "loglvl=all" \
        -initrd "$smoke"
else
    echo "FAIL: qemu: x86_64-smoke-guest (cannot build the smoke guest)"
    rc=1
fi

# 9. The test guests (tools/tests/guest), one PASS/FAIL line per test and
#    domain: alone as the hardware domain, then the hardware domain plus
#    two dom0less domains (from the configuration DT module; their kernels
#    placed by QEMU's loader) running them at once on 2 pCPUs, and every
#    page coming back.
xtest=$top/tools/tests/guest/build/x86_64/xtest.elf
if make -s -C "$top/tools/tests/guest" x86_64 > /dev/null; then
    guest_expects 0
    run --name x86_64-xtest-dom0 --pass "$off" --exit 33 "${guest_args[@]}" \
        -- $(qemu_x86 2 512M) -append "dom0_mem=128M" -initrd "$xtest"
    guest_results x86_64-xtest-dom0 0

    size=$(printf '0x%x' "$(stat -c %s "$xtest")")
    dtc -q -I dts -O dtb -o "$work/xtest.dtb" - <<DTS
/dts-v1/;
/ {
    #address-cells = <2>;
    #size-cells = <2>;
    chosen {
        domU1 {
            compatible = "xen,domain";
            #address-cells = <2>;
            #size-cells = <2>;
            memory = <0x0 0x10000>;
            cpus = <1>;
            module@8000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x8000000 0x0 $size>;
            };
        };
        domU2 {
            compatible = "xen,domain";
            #address-cells = <2>;
            #size-cells = <2>;
            memory = <0x0 0x8000>;
            cpus = <2>;
            xen,static-mem = <0x0 0x10000000 0x0 0x2000000>;
            module@9000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x9000000 0x0 $size>;
            };
        };
    };
};
DTS
    guest_expects 0 1 2
    run --name x86_64-xtest-dom0less --pass "$off" --exit 33 --timeout 60 \
        --expect '^\(XEN\) Domains: 3 built, 0 refused$' \
        "${guest_args[@]}" \
        -- $(qemu_x86 2 512M) -append "dom0_mem=64M" \
        -initrd "$xtest,$work/xtest.dtb" \
        -device "loader,file=$xtest,addr=0x8000000,force-raw=on" \
        -device "loader,file=$xtest,addr=0x9000000,force-raw=on"
    guest_results x86_64-xtest-dom0less 0 1 2

    # 8a. Cross-CPU work (the test guest's smp-cross-cpu test, vCPU 1
    #     started with VCPUOP_initialise and VCPUOP_up, and the debug
    #     build's test_op): SCHEDOP_block returns at once after a kick,
    #     stays blocked until the next kick, and a kick wakes it on the
    #     idle pCPU (out of hlt by IPI while vCPU 0 keeps its own); 100
    #     kicks racing blocks lose none; 200 P2M swaps under a reader on
    #     the other pCPU leave it no stale translation: the flush
    #     generation kicks the reader's pCPU out of the guest and waits
    #     (without that, hundreds of stale reads). Idle pCPUs halt: a few
    #     hundred idle waits at most (the old polling loop made millions).
    run --name x86_64-cross-cpu --pass "$off" --exit 33 \
        --expect '^\(XEN\) Idle CPUs halt \(hlt\); kicks are IPIs on vector 0xf1$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.idle.stayed_blocked = 1 \[ok\]$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.woken_on_another_pcpu = 1 \[info\]$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.race.rounds = 100 \[ok\]$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.swap.stale_reads = 0 \[ok\]$' \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --expect '^\(XEN\) Cross-CPU: [0-9]+ kicks sent, [0-9]+ taken; idle pCPUs waited [0-9]{1,3} times$' \
        --expect '^\(XEN\) TLB flush generations: [1-9][0-9]* flushes waited for pCPUs in the guest$' \
        --reject '^\(d0\) CHECK .* \[FAIL' \
        --reject 'crashed' \
        --expect '^\(XEN\) Memory check: every page came back' \
        -- $(qemu_x86 2 512M) -append "dom0_mem=64M dom0_max_vcpus=2" \
        -initrd "$xtest xtest=smp-cross-cpu"
    guest_results x86_64-cross-cpu 0
else
    echo "FAIL: qemu: x86_64-xtest (cannot build the test guest)"
    rc=1
fi

# 10. The scheduler's tick: on one pCPU, a guest computing without a break
#     and with interrupts masked (the hardware domain, guests/spin-x86_64.S)
#     does not keep a dom0less guest from running. The dom0less guest's
#     kernel (the smoke guest) is put at a fixed address by QEMU's loader
#     device, where the configuration DT's module node says it is.
if "$here/guests/build.sh" x86_64-spin "$work/spin-x86_64.elf" &&
    [ -f "$smoke" ]; then
    dtc -q -I dts -O dtb -o "$work/tick.dtb" - <<DTS
/dts-v1/;
/ {
    chosen {
        domU1 {
            compatible = "xen,domain";
            #address-cells = <2>;
            #size-cells = <2>;
            memory = <0x0 0x8000>;
            cpus = <1>;
            module@8000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x8000000 0x0 $(stat -c %s "$smoke")>;
            };
        };
    };
};
DTS
    run --name x86_64-scheduler-tick --pass "$off" --exit 33 \
        --expect '^\(XEN\) APIC timer: 10 ms tick, vector 0xf0, [0-9]+ MHz bus clock$' \
        --expect '^\(XEN\) 1 CPU online$' \
        --expect '^\(XEN\) d1: /chosen/domU1: 32 MiB RAM, 1 vCPU, memory from the heap, kernel at 0x8000000 ' \
        --expect '^\(XEN\) Starting 2 domains$' \
        --expect '^\(d0\) spin: done$' \
        --expect '^\(d1\) Test result: SUCCESS$' \
        --order '^\(d0\) spin: computing without a break$' '^\(d1\) Test result: SUCCESS$' \
        --order '^\(d1\) Test result: SUCCESS$' '^\(d0\) spin: done$' \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --expect '^\(XEN\) All domains have shut down$' \
        --expect '^\(XEN\) Memory check: every page came back' \
        --reject 'crashed' \
        -- $(qemu_x86 1 512M) -append "dom0_mem=32M" \
        -initrd "$work/spin-x86_64.elf,$work/tick.dtb" \
        -device "loader,file=$smoke,addr=0x8000000,force-raw=on"
else
    echo "FAIL: qemu: x86_64-scheduler-tick (cannot build its guests)"
    rc=1
fi

# 11. A hostile configuration DT module (issue 9): dom0less kernels over
#     the local APIC and past the end of RAM, a ramdisk over the hypervisor
#     image, a 'memory' that wraps when shifted, and dom0 options that
#     overflow. Each bad domain is refused with one line (no module is
#     read), the good one runs next to the hardware domain, nothing is lost.
if [ -f "$smoke" ]; then
    ssize=$(printf '0x%x' "$(stat -c %s "$smoke")")
    dtc -q -I dts -O dtb -o "$work/hostile.dtb" - <<DTS
/dts-v1/;
/ {
    chosen {
        #address-cells = <2>;
        #size-cells = <2>;
        lapic-kernel {
            compatible = "xen,domain";
            memory = <0x0 0x8000>;
            cpus = <1>;
            module@fee00000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0xfee00000 0x0 0x1000>;
            };
        };
        past-ram-kernel {
            compatible = "xen,domain";
            memory = <0x0 0x8000>;
            cpus = <1>;
            module@100000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x1 0x0 0x0 0x1000>;
            };
        };
        image-ramdisk {
            compatible = "xen,domain";
            memory = <0x0 0x8000>;
            cpus = <1>;
            module@8000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x8000000 0x0 $ssize>;
            };
            module@100000 {
                compatible = "multiboot,ramdisk", "multiboot,module";
                reg = <0x0 0x100000 0x0 0x1000>;
            };
        };
        huge-memory {
            compatible = "xen,domain";
            memory = <0x400000 0x8000>;
            cpus = <1>;
            module@8000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x8000000 0x0 $ssize>;
            };
        };
        good {
            compatible = "xen,domain";
            memory = <0x0 0x8000>;
            cpus = <1>;
            module@8000000 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x8000000 0x0 $ssize>;
            };
        };
    };
};
DTS
    run --name x86_64-hostile-config --pass "$off" --exit 33 --timeout 60 \
        --expect "^\\(XEN\\) Bad value '16777216T' for option 'dom0_mem' \\(out of range\\); ignored\$" \
        --expect '^\(XEN\) Boot module [0-9]+ \(kernel\) at 0xfee00000-0xfee00fff is not inside a RAM bank; it will not be used$' \
        --expect '^\(XEN\) Boot module [0-9]+ \(kernel\) at 0x100000000-0x100000fff is not inside a RAM bank; it will not be used$' \
        --expect '^\(XEN\) Boot module [0-9]+ \(ramdisk\) at 0x100000-0x100fff overlaps the hypervisor image at ' \
        --expect '^\(XEN\) d1: /chosen/lapic-kernel: not built: its kernel module at 0xfee00000-0xfee00fff is not inside a RAM bank$' \
        --expect '^\(XEN\) d2: /chosen/past-ram-kernel: not built: its kernel module at 0x100000000-0x100000fff is not inside a RAM bank$' \
        --expect '^\(XEN\) d3: /chosen/image-ramdisk: not built: its ramdisk module at 0x100000-0x100fff overlaps the hypervisor image$' \
        --expect "^\\(XEN\\) d4: /chosen/huge-memory: not built: 'memory' is more than 2\\^52 KiB: larger than any RAM\$" \
        --expect '^\(XEN\) d5: /chosen/good: 32 MiB RAM, 1 vCPU, memory from the heap' \
        --expect '^\(XEN\) Domains: 2 built, 4 refused$' \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --expect '^\(d5\) Test result: SUCCESS$' \
        --expect '^\(XEN\) Memory check: every page came back' \
        --reject 'crashed|Unexpected exception' \
        -- $(qemu_x86 2 512M) -append "dom0_mem=16777216T" \
        -initrd "$smoke,$work/hostile.dtb" \
        -device "loader,file=$smoke,addr=0x8000000,force-raw=on"
fi

# 12. The release build (CONFIG_DEBUG off, from the build matrix) boots
#     too; it has no lock-order checker, nor its self-test.
release=$top/test-logs/build-x86_64-release/xen
if [ -f "$release" ]; then
    xen=$release run --name x86_64-boot-release --pass "$off" --exit 33 \
        --expect '^\(XEN\) Xen-ABI hypervisor [0-9.]+ \(x86_64\)' \
        --expect '^\(XEN\) 2 CPUs online$' \
        --expect "^\\(XEN\\) Unknown command line option 'selftest-lock-order'; ignored" \
        -- $(xen=$release qemu_x86 2 512M) -append "selftest-lock-order"
fi

suite_end
