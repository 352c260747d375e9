#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# arm64 boot tests under qemu-system-aarch64 (virt, EL2, GICv3).
#   arm64.sh [XEN_IMAGE]     default: xen/build-arm64/xen
# Prints one PASS:/FAIL: line per test; exit status 1 if any failed.
set -u
. "$(dirname "$0")/lib.sh"
suite_setup arm64 "${1:-}"

# The smoke guest (guests/smoke-arm64.S) as an arm64 Image.
smoke=$work/smoke-arm64.bin
"$here/guests/build.sh" arm64 "$smoke" ||
    { echo "FAIL: qemu: arm64 (cannot build the smoke guest)"; exit 1; }

# Everything the machine gets, but CPUs, memory and extra arguments; the
# CPU model is $cpu (default max: SVE, SME, pointer authentication, FGT,
# HCX, ...).
qemu_arm64() {
    local smp=$1 mem=$2
    shift 2
    echo qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 \
        -cpu "${cpu:-max}" -smp "$smp" -m "$mem" -display none -serial stdio \
        -monitor none -no-reboot -kernel "$xen" "$@"
}

banner='^\(XEN\) Xen-ABI hypervisor [0-9.]+ \(arm64'

# 1. One CPU, 2 GiB: banner, RAM bank, one CPU, clean power-off.
run --name arm64-boot-smp1 --pass '^\(XEN\) Powering off' \
    --expect "$banner" \
    --expect '^\(XEN\) Console: PL011 UART at 0x9000000' \
    --expect '^\(XEN\) RAM bank 0: 0x0000000040000000-0x00000000bfffffff \(2 GiB\)' \
    --expect '^\(XEN\) Reserved regions: none' \
    --expect '^\(XEN\) Boot modules: none' \
    --expect '^\(XEN\) CPUs: 1 described in the device tree' \
    --expect '^\(XEN\) 1 CPU online' \
    --expect '^\(XEN\) Nothing to run: no domains and no boot modules' \
    --expect '^\(XEN\) Frame table: 524288 frames in 1 range, 16 MiB at 0x' \
    --expect '^\(XEN\) Heap: [0-9.]+ [KMG]iB free \([0-9]+ pages\) in [0-9]+ ranges?$' \
    -- $(qemu_arm64 1 2G)

# 2. Four CPUs all come online through PSCI CPU_ON.
run --name arm64-boot-smp4 --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) PSCI: version [0-9]+\.[0-9]+ via SMC' \
    --expect '^\(XEN\) CPUs: 4 described in the device tree' \
    --expect '^\(XEN\) CPU1 online \(MPIDR 0x1\)' \
    --expect '^\(XEN\) CPU2 online \(MPIDR 0x2\)' \
    --expect '^\(XEN\) CPU3 online \(MPIDR 0x3\)' \
    --expect '^\(XEN\) 4 CPUs online' \
    -- $(qemu_arm64 4 1G)

# 3. Boot modules from QEMU's guest-loader: a kernel with a command line
#    and a ramdisk, each reported with address, size and command line; the
#    kernel (the smoke guest) runs as the hardware domain and powers off.
run --name arm64-boot-modules --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) Boot module [01]: kernel at 0x0000000050000000-0x0000000050[0-9a-f]{6} \([0-9.]+ [KiB]+\) cmdline "console=hvc0 root=/dev/ram rw"$' \
    --expect '^\(XEN\) Boot module [01]: ramdisk at 0x0000000051000000-0x0000000051000fff \(4 KiB\) cmdline ""' \
    --expect '^\(XEN\) d0: hardware domain: 256 MiB RAM, 2 vCPUs, memory from the heap, direct-mapped, kernel at 0x50000000 ' \
    --expect '^\(XEN\) d0: RAM bank 0: 0x00000000[4-7][0-9a-f]{7}-0x00000000[4-7][0-9a-f]{7} \(256 MiB\)$' \
    --expect '^\(XEN\) d0: devices passed through: [0-9]+ \([0-9]+ MMIO ranges, [0-9]+ SPIs\); 1 node kept by the hypervisor$' \
    --expect '^\(XEN\) d0: grant-table region 0x[0-9a-f]+-0x[0-9a-f]+ \(a hole of the host.s map\)$' \
    --expect '^\(XEN\) d0: kernel \(arm64 Image\) at 0x[4-7][0-9a-f]{7}, device tree at 0x[4-7][0-9a-f]{7}, ramdisk below it$' \
    --expect '^\(d0\) smoke: xen_version = 0x00040011$' \
    --expect '^\(d0\) smoke: bad pointers gave -EFAULT$' \
    --expect '^\(d0\) smoke: registers survived a hypercall$' \
    --expect '^\(d0\) smoke: vCPU 1 up$' \
    --expect '^\(d0\) smoke: long write done$' \
    --expect '^\(d0\) smoke: registers survived a long hypercall$' \
    --expect '^\(d0\) smoke: the long write was continued$' \
    --expect '^\(XEN\) d0: data abort at guest address 0x3000000000 \(IPA 0x3000000000\): nothing mapped, abort injected$' \
    --expect '^\(d0\) Test result: SUCCESS$' \
    --expect '^\(XEN\) d0: shut down \(poweroff\)$' \
    --expect '^\(XEN\) All domains have shut down$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_arm64 2 1G) \
    -device "guest-loader,addr=0x50000000,kernel=$smoke,bootargs=console=hvc0 root=/dev/ram rw" \
    -device "guest-loader,addr=0x51000000,initrd=$work/ramdisk.bin"

# 4. Command line from -append (/chosen/bootargs): options applied,
#    unknown ones named and ignored.
run --name arm64-cmdline --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) Command line \(/chosen/bootargs\): maxcpus=2 no-such-option=1 loglvl=info$' \
    --expect "^\\(XEN\\) Unknown command line option 'no-such-option'; ignored" \
    --expect '^\(XEN\) CPU2 \(MPIDR 0x2\) left offline \(maxcpus\)' \
    --expect '^\(XEN\) 2 CPUs online' \
    -- $(qemu_arm64 3 1G) -append "maxcpus=2 no-such-option=1 loglvl=info"

# 5. A board DT: xen,xen-bootargs wins over bootargs, /memreserve/ and
#    /reserved-memory are reported.
dt=$work/board
qemu-system-aarch64 -M virt,virtualization=on,gic-version=3,dumpdtb=$dt.dtb \
    -cpu max -smp 2 -m 1G -display none > /dev/null 2>&1

# custom_dt NAME [MEMRESERVE]: QEMU's own DT plus the DTS fragment given on
# standard input, compiled to $dt-NAME.dtb.
custom_dt() {
    dtc -q -I dtb -O dts "$dt.dtb" |
        sed "s|^/dts-v1/;|/dts-v1/;\n${2:-}|" > "$dt-$1.dts"
    cat >> "$dt-$1.dts"
    dtc -q -I dts -O dtb -o "$dt-$1.dtb" "$dt-$1.dts"
}

custom_dt custom "/memreserve/ 0x7ff00000 0x10000;" <<'DTS'
/ {
    reserved-memory {
        #address-cells = <2>;
        #size-cells = <2>;
        ranges;
        firmware@7f000000 {
            reg = <0x0 0x7f000000 0x0 0x100000>;
        };
    };
};
&{/chosen} {
    xen,xen-bootargs = "nosmp";
};
DTS
run --name arm64-board-dt --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) Command line \(/chosen/xen,xen-bootargs\): nosmp$' \
    --expect '^\(XEN\) Reserved region 0: 0x000000007ff00000-0x000000007ff0ffff \(64 KiB\)' \
    --expect '^\(XEN\) Reserved region 1: 0x000000007f000000-0x000000007f0fffff \(1 MiB\)' \
    --expect '^\(XEN\) CPU1 \(MPIDR 0x1\) left offline \(nosmp\)' \
    --reject 'ignored-for-xen' \
    -- $(qemu_arm64 2 1G) -dtb "$dt-custom.dtb" -append "ignored-for-xen"

# 6. Static memory: one domain's banks reserved into its pool, a second
#    domain overlapping it refused with the reason, the heap confined to
#    /chosen/xen,static-heap.
custom_dt static <<'DTS'
&{/chosen} {
    xen,static-heap = <0x0 0x50000000 0x0 0x8000000>;
    domU1 {
        compatible = "xen,domain";
        memory = <0x0 0x40000>;
        xen,static-mem = <0x0 0x60000000 0x0 0x10000000>;
    };
    domU2 {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        xen,static-mem = <0x0 0x68000000 0x0 0x1000000>;
    };
};
DTS
run --name arm64-static-memory --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) Static bank: 0x0000000060000000-0x000000006fffffff \(256 MiB\) for /chosen/domU1$' \
    --expect '^\(XEN\) DT: /chosen/domU2: xen,static-mem bank 0x68000000-0x68ffffff overlaps the static memory of /chosen/domU1 at 0x60000000-0x6fffffff; the domain.s static memory is not reserved$' \
    --expect '^\(XEN\) Static heap: 0x0000000050000000-0x0000000057ffffff \(128 MiB\)$' \
    --expect '^\(XEN\) Heap: [0-9.]+ [KMG]iB free \([0-9]+ pages\) in 1 range, from the static heap only$' \
    --reject 'Static bank: .* for /chosen/domU2' \
    -- $(qemu_arm64 2 1G) -dtb "$dt-static.dtb"

# 7. Dom0less domains from xen,domain nodes: direct-mapped static memory,
#    static memory from the pool, heap memory, and one refused with the
#    reason; all torn down again with no page lost.
custom_dt dom0less <<'DTS'
&{/chosen} {
    /* The hardware domain's kernel (guest-loader nodes do not survive -dtb). */
    module@56000000 {
        compatible = "multiboot,kernel", "multiboot,module";
        reg = <0x0 0x56000000 0x0 0x2000>;
    };
    domU1 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x10000>;
        cpus = <1>;
        direct-map;
        xen,static-mem = <0x0 0x60000000 0x0 0x4000000>;
        module@52000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x52000000 0x0 0x2000>;
            bootargs = "console=ttyAMA0";
        };
    };
    domU2 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x8000>;
        cpus = <2>;
        module@53000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x53000000 0x0 0x2000>;
        };
    };
    domU3 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x8000>;
        cpus = <1>;
        direct-map;
        module@54000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x54000000 0x0 0x2000>;
        };
    };
    domU4 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x8000>;
        cpus = <1>;
        xen,static-mem = <0x0 0x68000000 0x0 0x2000000>;
        module@55000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x55000000 0x0 0x2000>;
        };
    };
};
DTS
run --name arm64-dom0less --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) Boot module 1: kernel at 0x0000000052000000-0x00000000520[0-9a-f]{5} \([0-9.]+ [KiB]+\) cmdline "console=ttyAMA0" for /chosen/domU1$' \
    --expect '^\(XEN\) d1: /chosen/domU1: 64 MiB RAM, 1 vCPU, static memory, direct-mapped, kernel at 0x52000000 ' \
    --expect '^\(XEN\) d1: RAM bank 0: 0x0000000060000000-0x0000000063ffffff \(64 MiB\)$' \
    --expect '^\(XEN\) d2: /chosen/domU2: 32 MiB RAM, 2 vCPUs, memory from the heap, kernel at 0x53000000 ' \
    --expect '^\(XEN\) d2: RAM bank 0: 0x0000000040000000-0x0000000041ffffff \(32 MiB\)$' \
    --expect '^\(XEN\) d3: /chosen/domU3: not built: direct-map needs xen,static-mem$' \
    --expect '^\(XEN\) d4: /chosen/domU4: 32 MiB RAM, 1 vCPU, static memory, kernel at 0x55000000 ' \
    --expect '^\(XEN\) d4: RAM bank 0: 0x0000000040000000-0x0000000041ffffff \(32 MiB\)$' \
    --expect '^\(XEN\) Domains: 4 built, 1 refused$' \
    --expect '^\(d0\) Test result: SUCCESS$' \
    --expect '^\(XEN\) d1: kernel \(arm64 Image\) at 0x60000000, device tree at 0x63fc0000$' \
    --expect '^\(d1\) Test result: SUCCESS$' \
    --expect '^\(d2\) Test result: SUCCESS$' \
    --expect '^\(d4\) Test result: SUCCESS$' \
    --expect '^\(XEN\) All domains have shut down$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_arm64 2 1G) -dtb "$dt-dom0less.dtb" -append "dom0_mem=64M" \
    -device "loader,file=$smoke,addr=0x56000000,force-raw=on" \
    -device "loader,file=$smoke,addr=0x52000000,force-raw=on" \
    -device "loader,file=$smoke,addr=0x53000000,force-raw=on" \
    -device "loader,file=$smoke,addr=0x54000000,force-raw=on" \
    -device "loader,file=$smoke,addr=0x55000000,force-raw=on"

# 8. A hostile boot configuration (issue 9): kernels in device MMIO (the
#     UART, the GIC) and outside RAM, a 'memory' that wraps when shifted, an
#     Image header whose image_size is near 2^64, dom0 options that
#     overflow, and two nodes whose paths share their first 64 characters
#     (one with static memory). Each bad domain is refused with one line;
#     the good ones run; nothing is lost.
hello=$work/hello-arm64.bin
"$here/guests/build.sh" arm64-hello "$hello" ||
    { echo "FAIL: qemu: arm64 (cannot build the hello guest)"; exit 1; }
# The same guest with image_size = 0xfffffffffffff000.
cp "$hello" "$work/hello-huge.bin"
printf '\x00\xf0\xff\xff\xff\xff\xff\xff' |
    dd of="$work/hello-huge.bin" bs=1 seek=16 conv=notrunc status=none
hsize=$(printf '0x%x' "$(stat -c %s "$hello")")
custom_dt hostile <<DTS
/ {
    #address-cells = <2>;
    #size-cells = <2>;
};
&{/chosen} {
    module@56000000 {
        compatible = "multiboot,kernel", "multiboot,module";
        reg = <0x0 0x56000000 0x0 $hsize>;
    };
    uart-kernel {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        cpus = <1>;
        module@9000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x9000000 0x0 0x1000>;
        };
    };
    gic-kernel {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        cpus = <1>;
        module@8000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x8000000 0x0 0x10000>;
        };
    };
    past-ram-ramdisk {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        cpus = <1>;
        module@55000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x55000000 0x0 $hsize>;
        };
        module@7ffff000 {
            compatible = "multiboot,ramdisk", "multiboot,module";
            reg = <0x0 0x7ffff000 0x0 0x2000>;
        };
    };
    huge-memory {
        compatible = "xen,domain";
        memory = <0x400000 0x8000>;
        cpus = <1>;
        module@55000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x55000000 0x0 $hsize>;
        };
    };
    huge-image {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        cpus = <1>;
        module@53000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x53000000 0x0 $hsize>;
        };
    };
    domain-whose-name-is-long-enough-to-share-its-first-64-characters-static {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        cpus = <1>;
        xen,static-mem = <0x0 0x60000000 0x0 0x1000000>;
        module@55000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x55000000 0x0 $hsize>;
        };
    };
    domain-whose-name-is-long-enough-to-share-its-first-64-characters-heap {
        compatible = "xen,domain";
        memory = <0x0 0x4000>;
        cpus = <1>;
        module@55000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x55000000 0x0 $hsize>;
        };
    };
};
DTS
run --name arm64-hostile-config --pass '^\(XEN\) Powering off' \
    --expect "^\\(XEN\\) Bad value '99999999999999999999999' for option 'dom0_mem' \\(out of range\\); ignored\$" \
    --expect '^\(XEN\) Boot module 1 \(kernel\) at 0x9000000-0x9000fff is not inside a RAM bank; it will not be used$' \
    --expect '^\(XEN\) Boot module 4 \(ramdisk\) at 0x7ffff000-0x80000fff is not inside a RAM bank; it will not be used$' \
    --expect '^\(XEN\) dom0_max_vcpus=1000: a domain has at most 8 vCPUs; using 8$' \
    --expect '^\(XEN\) d0: hardware domain: 256 MiB RAM, 8 vCPUs, memory from the heap, direct-mapped, kernel at 0x56000000 ' \
    --expect '^\(XEN\) d1: /chosen/uart-kernel: not built: its kernel module at 0x9000000-0x9000fff is not inside a RAM bank$' \
    --expect '^\(XEN\) d2: /chosen/gic-kernel: not built: its kernel module at 0x8000000-0x800ffff is not inside a RAM bank$' \
    --expect '^\(XEN\) d3: /chosen/past-ram-ramdisk: not built: its ramdisk module at 0x7ffff000-0x80000fff is not inside a RAM bank$' \
    --expect "^\\(XEN\\) d4: /chosen/huge-memory: not built: 'memory' is more than 2\\^52 KiB: larger than any RAM\$" \
    --expect '^\(XEN\) d6: /chosen/domain-whose-name-is-long-enough-to-share-its-first-64-characters-static: 16 MiB RAM, 1 vCPU, static memory, kernel at 0x55000000 ' \
    --expect '^\(XEN\) d7: /chosen/domain-whose-name-is-long-enough-to-share-its-first-64-characters-heap: 16 MiB RAM, 1 vCPU, memory from the heap, kernel at 0x55000000 ' \
    --expect '^\(XEN\) Domains: 4 built, 4 refused$' \
    --expect "^\\(XEN\\) d5: not started: its kernel's Image header \\(text_offset or image_size\\) does not fit its first RAM bank\$" \
    --expect '^\(XEN\) Starting 3 domains$' \
    --expect '^\(d0\) Test result: SUCCESS$' \
    --expect '^\(d6\) Test result: SUCCESS$' \
    --expect '^\(d7\) Test result: SUCCESS$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    --reject 'Unhandled|data abort at EL2|panic' \
    -- $(qemu_arm64 2 1G) -dtb "$dt-hostile.dtb" \
    -append "dom0_mem=99999999999999999999999 dom0_max_vcpus=1000" \
    -device "loader,file=$hello,addr=0x56000000,force-raw=on" \
    -device "loader,file=$hello,addr=0x55000000,force-raw=on" \
    -device "loader,file=$work/hello-huge.bin,addr=0x53000000,force-raw=on"

# 9. As many dom0less domains as a build takes (64), plus a 65th refused
#     by name; the hardware domain is still built first, and all 65 run at
#     once on 2 pCPUs, sharing one kernel module.
{
    echo '&{/chosen} {'
    echo '    module@56000000 {'
    echo '        compatible = "multiboot,kernel", "multiboot,module";'
    echo "        reg = <0x0 0x56000000 0x0 $hsize>;"
    echo '    };'
    for i in $(seq -w 1 65); do
        cat <<DTS
    dom$i {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x1000>;
        cpus = <1>;
        module@55000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x55000000 0x0 $hsize>;
        };
    };
DTS
    done
    echo '};'
} | custom_dt many
many_expect=()
for i in 0 1 32 63 64; do
    many_expect+=(--expect "^\\(d$i\\) Test result: SUCCESS\$")
done
run --name arm64-64-domains --pass '^\(XEN\) Powering off' --timeout 60 \
    --expect '^\(XEN\) DT: /chosen/dom65: more than 64 dom0less domains; not built$' \
    --expect '^\(XEN\) d0: hardware domain: 32 MiB RAM' \
    --expect '^\(XEN\) d64: /chosen/dom64: 4 MiB RAM, 1 vCPU, memory from the heap' \
    --expect '^\(XEN\) Domains: 65 built, 0 refused$' \
    --expect '^\(XEN\) Starting 65 domains$' \
    "${many_expect[@]}" \
    --expect '^\(XEN\) All domains have shut down$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_arm64 2 1G) -dtb "$dt-many.dtb" -append "dom0_mem=32M" \
    -device "loader,file=$hello,addr=0x56000000,force-raw=on" \
    -device "loader,file=$hello,addr=0x55000000,force-raw=on"

# 10. The scheduler's tick: on one pCPU, a guest computing without a break
#    (the hardware domain) does not keep a dom0less guest from running.
# Two domains, for the tests below: the hardware domain (its kernel loaded
# at 0x56000000) and domU1 (32 MiB, one vCPU, its kernel at 0x52000000).
two_domains='
&{/chosen} {
    module@56000000 {
        compatible = "multiboot,kernel", "multiboot,module";
        reg = <0x0 0x56000000 0x0 0x2000>;
    };
    domU1 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x8000>;
        cpus = <1>;
        module@52000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x52000000 0x0 0x2000>;
        };
    };
};'
echo "$two_domains" | custom_dt tick
"$here/guests/build.sh" arm64-spin "$work/spin.bin"
run --name arm64-scheduler-tick --pass '^\(XEN\) Powering off' --timeout 60 \
    --expect '^\(XEN\) GIC: GICv3, distributor at 0x8000000' \
    --expect '^\(d0\) spin: done$' \
    --expect '^\(d1\) Test result: SUCCESS$' \
    --order '^\(d0\) spin: computing without a break$' '^\(d1\) Test result: SUCCESS$' \
    --order '^\(d1\) Test result: SUCCESS$' '^\(d0\) spin: done$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_arm64 1 1G) -dtb "$dt-tick.dtb" -append "dom0_mem=32M" \
    -device "loader,file=$work/spin.bin,addr=0x56000000,force-raw=on" \
    -device "loader,file=$smoke,addr=0x52000000,force-raw=on"

# 11. Hypercall preemption: on one pCPU, the smoke guest's second vCPU,
#    started just before the long console write, runs (and says so) before
#    the write's last line comes out: the write gave way in the middle and
#    was continued. Without continuations the HVC holds the pCPU to the end.
run --name arm64-hypercall-preemption --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) d0: hardware domain: 64 MiB RAM, 2 vCPUs, ' \
    --expect '^\(d0\) smoke: registers survived a long hypercall$' \
    --expect '^\(d0\) smoke: the long write was continued$' \
    --expect '^\(d0\) Test result: SUCCESS$' \
    --order '^\(d0\) smoke: vCPU 1 up$' '^\(d0\) smoke: long write done$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_arm64 1 1G) -append "dom0_mem=64M dom0_max_vcpus=2" \
    -device "guest-loader,addr=0x50000000,kernel=$smoke"

# 12. A guest that executes garbage (zeros: UDF, taken by its own absent
#    vector table at 0x200, which is not mapped) is crashed with the
#    reason; the hypervisor carries on, and no page is lost.
run --name arm64-crashing-guest --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) d0: kernel \(raw binary\) at 0x[4-7][0-9a-f]{7}, device tree at ' \
    --expect '^\(XEN\) d0: instruction abort at guest address 0x200 \(IPA 0x0\): nothing mapped, abort injected$' \
    --expect '^\(XEN\) d0: crashed: abort while handling an abort \(no usable vector table\)$' \
    --expect '^\(XEN\) d0: shut down \(crash\)$' \
    --expect '^\(XEN\) All domains have shut down$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    -- $(qemu_arm64 1 1G) -append "dom0_mem=32M" \
    -device "guest-loader,addr=0x50000000,kernel=$work/kernel.bin"

# 13. An unexpected exception at EL2: ESR (decoded), FAR and every register
#    printed, then a panic.
run --name arm64-unexpected-exception --expect-panic \
    --pass '^\(XEN\) Panic on CPU 0:$' \
    --expect '^\(XEN\) Unexpected synchronous \(EL2\) exception on CPU0$' \
    --expect '^\(XEN\) ESR_EL2: 0x[0-9a-f]{16}  class 0x00: unknown reason' \
    --expect '^\(XEN\) FAR_EL2: 0x[0-9a-f]{16}$' \
    --expect '^\(XEN\) PC: +0x[0-9a-f]{16}  SPSR: 0x[0-9a-f]{8}  SP: ' \
    --expect '^\(XEN\) x27: 0x[0-9a-f]{16}  x28: ' \
    --expect '^\(XEN\) Powering off\.$' \
    -- $(qemu_arm64 1 1G) -append "selftest-fault"

# 14. The lock-order checker is in the debug image: an inversion on
#     purpose (a P2M-class lock under a page_alloc-class one, a printk in
#     between) panics naming both locks.
run --name arm64-lock-order-violation --expect-panic \
    --pass '^\(XEN\) Panic on CPU 0:$' \
    --expect '^\(XEN\) selftest-lock-order: taking a P2M lock under a page_alloc_lock on purpose$' \
    --expect '^\(XEN\) Lock order violation on CPU0: taking p2m lock \(rank 3, d0\) while holding page_alloc_lock \(rank 4, d0\)$' \
    --expect '^\(XEN\) Powering off\.$' \
    -- $(qemu_arm64 1 1G) -append "selftest-lock-order"

# 15. The test guests (tools/tests/guest), one PASS/FAIL line per test and
#     domain: alone as the hardware domain (on "-cpu max" and on
#     "-cpu cortex-a57"), then the hardware domain plus two dom0less
#     domains (heap memory; direct-mapped static memory) running them at
#     once on 2 pCPUs, and every page coming back. "cpu-features=strict":
#     every feature the ID registers show must work, every hidden one must
#     be an undefined instruction (upstream shows SME and traps it, so
#     the reference runs leave this out).
xtest=$top/tools/tests/guest/build/arm64/xtest.bin
xtest_args="console=hvc0 cpu-features=strict"
if make -s -C "$top/tools/tests/guest" arm64 > /dev/null; then
    guest_expects 0
    run --name arm64-xtest-dom0 --pass '^\(XEN\) Powering off' \
        "${guest_args[@]}" \
        --expect '^\(XEN\) Guest CPU view: ID registers trapped; hidden: SVE SME RAS$' \
        --expect '^\(XEN\) Guest pointer authentication: on, keys switched with the vCPU$' \
        --expect '^\(d0\) CHECK cpu-features.strict = 1 \[info\]$' \
        --expect '^\(d0\) CHECK cpu-features.pauth.roundtrip = 0x40123450 \[ok\]$' \
        --expect '^\(d0\) CHECK cpu-features.sme.consistent = 1 \[ok\]$' \
        --expect '^\(d0\) CHECK smccc.version = 0x10001 \[ok\]$' \
        -- $(qemu_arm64 2 1G) -append "dom0_mem=128M" \
        -device "guest-loader,addr=0x50000000,kernel=$xtest,bootargs=$xtest_args"
    guest_results arm64-xtest-dom0 0

    # 15b. The same on an ARMv8.0 CPU (no SVE, SME, pointer
    #     authentication, FGT or HCX): nothing to hide, nothing to switch.
    guest_expects 0
    run --name arm64-xtest-dom0-cortex-a57 --pass '^\(XEN\) Powering off' \
        "${guest_args[@]}" \
        --expect '^\(XEN\) Guest CPU view: ID registers trapped; hidden: nothing this CPU has$' \
        --expect '^\(XEN\) Guest pointer authentication: not in this CPU$' \
        --expect '^\(d0\) CHECK cpu-features.strict = 1 \[info\]$' \
        --expect '^\(d0\) CHECK cpu-features.pauth_keys.consistent = 1 \[ok\]$' \
        -- $(cpu=cortex-a57 qemu_arm64 2 1G) -append "dom0_mem=128M" \
        -device "guest-loader,addr=0x50000000,kernel=$xtest,bootargs=$xtest_args"
    guest_results arm64-xtest-dom0-cortex-a57 0

    # 15c. Pointer-authentication keys belong to the vCPU: on one pCPU,
    #     vCPU 1 signs with another key while vCPU 0 yields; vCPU 0's
    #     signature is the same before and after.
    run --name arm64-cpu-features-smp1 --pass '^\(XEN\) Powering off' \
        --expect '^\(d0\) CHECK cpu-features.pauth.vcpu1_done = 1 \[ok\]$' \
        --expect '^\(d0\) CHECK cpu-features.pauth.vcpu1_key_differs = 1 \[ok\]$' \
        --expect '^\(d0\) CHECK cpu-features.pauth.key_kept = 0x[0-9a-f]+ \[ok\]$' \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --reject '^\(d0\) CHECK .* \[FAIL' \
        --expect '^\(XEN\) Memory check: every page came back' \
        -- $(qemu_arm64 1 1G) -append "dom0_mem=64M dom0_max_vcpus=2" \
        -device "guest-loader,addr=0x50000000,kernel=$xtest,bootargs=$xtest_args xtest=cpu-features"
    guest_results arm64-cpu-features-smp1 0

    size=$(printf '0x%x' "$(stat -c %s "$xtest")")
    custom_dt xtest <<DTS
&{/chosen} {
    module@56000000 {
        compatible = "multiboot,kernel", "multiboot,module";
        reg = <0x0 0x56000000 0x0 $size>;
        bootargs = "$xtest_args";
    };
    domU1 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x10000>;
        cpus = <1>;
        module@52000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x52000000 0x0 $size>;
            bootargs = "$xtest_args";
        };
    };
    domU2 {
        compatible = "xen,domain";
        #address-cells = <2>;
        #size-cells = <2>;
        memory = <0x0 0x8000>;
        cpus = <2>;
        direct-map;
        xen,static-mem = <0x0 0x60000000 0x0 0x2000000>;
        module@53000000 {
            compatible = "multiboot,kernel", "multiboot,module";
            reg = <0x0 0x53000000 0x0 $size>;
            bootargs = "$xtest_args";
        };
    };
};
DTS
    guest_expects 0 1 2
    run --name arm64-xtest-dom0less --pass '^\(XEN\) Powering off' \
        --timeout 60 \
        --expect '^\(XEN\) Domains: 3 built, 0 refused$' \
        "${guest_args[@]}" \
        -- $(qemu_arm64 2 1G) -dtb "$dt-xtest.dtb" -append "dom0_mem=64M" \
        -device "loader,file=$xtest,addr=0x56000000,force-raw=on" \
        -device "loader,file=$xtest,addr=0x52000000,force-raw=on" \
        -device "loader,file=$xtest,addr=0x53000000,force-raw=on"
    guest_results arm64-xtest-dom0less 0 1 2

    # 15a. Linux's CPU hotplug loop (the test guest's psci-hotplug test: 200
    #     rounds of CPU_OFF, AFFINITY_INFO polled until OFF, CPU_ON at
    #     once): vCPU 1 comes back every time, on two pCPUs (where a CPU_ON
    #     can land while vCPU 1 is still leaving its pCPU) and on one.
    for smp in 2 1; do
        run --name arm64-psci-hotplug-smp$smp --pass '^\(XEN\) Powering off' \
            --expect '^\(XEN\) d0: hardware domain: 64 MiB RAM, 2 vCPUs, ' \
            --expect '^\(d0\) CHECK psci-hotplug.rounds = 200 \[ok\]$' \
            --expect '^\(d0\) Test result: SUCCESS$' \
            --reject '^\(d0\) CHECK .* \[FAIL' \
            --expect '^\(XEN\) Memory check: every page came back' \
            -- $(qemu_arm64 $smp 1G) -append "dom0_mem=64M dom0_max_vcpus=2" \
            -device "guest-loader,addr=0x50000000,kernel=$xtest,bootargs=console=hvc0 xtest=psci-hotplug"
        guest_results arm64-psci-hotplug-smp$smp 0
    done

    # 13a. Cross-CPU work (the test guest's smp-cross-cpu test, with the
    #     debug build's test_op): SCHEDOP_block returns at once after a
    #     kick, stays blocked until the next kick, and a kick wakes it on
    #     the idle pCPU (woken by SGI while vCPU 0 keeps its own); 100
    #     kicks racing blocks lose none; 200 P2M swaps under a reader on
    #     the other pCPU leave it no stale translation. Idle pCPUs wait in
    #     WFI: the counters at the end show a few hundred idle waits at
    #     most (WFE, which TCG does not halt on, made millions).
    run --name arm64-cross-cpu --pass '^\(XEN\) Powering off' \
        --expect '^\(XEN\) Idle CPUs wait in WFI; kicks are SGI 0$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.idle.stayed_blocked = 1 \[ok\]$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.woken_on_another_pcpu = 1 \[info\]$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.race.rounds = 100 \[ok\]$' \
        --expect '^\(d0\) CHECK smp-cross-cpu.swap.stale_reads = 0 \[ok\]$' \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --expect '^\(XEN\) Cross-CPU: [0-9]+ kicks sent, [0-9]+ taken; idle pCPUs waited [0-9]{1,3} times$' \
        --reject '^\(d0\) CHECK .* \[FAIL' \
        --expect '^\(XEN\) Memory check: every page came back' \
        -- $(qemu_arm64 2 1G) -append "dom0_mem=64M dom0_max_vcpus=2" \
        -device "guest-loader,addr=0x50000000,kernel=$xtest,bootargs=console=hvc0 xtest=smp-cross-cpu"
    guest_results arm64-cross-cpu 0
else
    echo "FAIL: qemu: arm64-xtest (cannot build the test guest)"
    rc=1
fi

# 16. The UART that /chosen/stdout-path names has 'reg' 0, size 0 (what
#     used to hang the boot polling flash): it is not started, one line
#     says why (here on the early console, which carries on), and the
#     hardware domain and a dom0less domain still run.
{
    echo "$two_domains"
    cat <<'DTS'
&{/pl011@9000000} {
    reg = <0x0 0x0 0x0 0x0>;
};
DTS
} | custom_dt badconsole

# badconsole_run NAME [RUNNER OPTIONS]: the two domains and the bad UART.
badconsole_run() {
    local name=$1
    shift
    run --name "$name" "$@" --pass '^\(XEN\) Powering off' \
        --expect "^\\(XEN\\) DT: /pl011@9000000 \\(stdout-path\\): bad 'reg': its address is 0; console not started\$" \
        --expect '^\(d0\) Test result: SUCCESS$' \
        --expect '^\(d1\) Test result: SUCCESS$' \
        --expect '^\(XEN\) Memory check: every page came back' \
        -- $(qemu_arm64 2 1G) -dtb "$dt-badconsole.dtb" -append "dom0_mem=32M" \
        -device "loader,file=$smoke,addr=0x56000000,force-raw=on" \
        -device "loader,file=$smoke,addr=0x52000000,force-raw=on"
}
badconsole_run arm64-console-bad-reg

# 17. The same without the early console (a build with EARLY_PRINTK off):
#     nothing reaches the serial line, and the boot still powers off; the
#     line and the rest of the log are read from the console ring (the
#     runner's --ring).
noearly=$work/build-noearly
build_noearly() {
    rm -rf "$noearly" && mkdir -p "$noearly" &&
    make -s -C "$top/xen" XEN_TARGET_ARCH=arm64 O="$noearly" defconfig &&
    sed -i '/CONFIG_EARLY_PRINTK/d' "$noearly/.config" &&
    echo '# CONFIG_EARLY_PRINTK is not set' >> "$noearly/.config" &&
    make -s -C "$top/xen" XEN_TARGET_ARCH=arm64 O="$noearly" olddefconfig &&
    make -s -C "$top/xen" XEN_TARGET_ARCH=arm64 O="$noearly" -j"$(nproc)"
}
name=arm64-console-bad-reg-no-early-console
if [ -n "${TEST_FILTER:-}" ] && ! [[ "qemu: $name" =~ $TEST_FILTER ]]; then
    :
elif ! build_noearly > "$work/build-noearly.log" 2>&1; then
    echo "FAIL: qemu: $name (cannot build without EARLY_PRINTK:" \
        "$work/build-noearly.log)"
    rc=1
else
    xen=$noearly/xen badconsole_run "$name" --ring "$noearly/xen-syms"
fi

# 18. A sloppy board DT: RAM listed twice and again inside itself (counted
#     once: the total stays 1 GiB), reservations over the hypervisor image
#     and the device tree, and xen,xen-bootargs and a domain's bootargs
#     without their NUL: one line each, bootargs (from -append) not taken
#     for the hypervisor's; the two domains still run, no page is lost.
{
    echo "$two_domains"
    cat <<'DTS'
/ {
    /* Not "memory@...": QEMU deletes those from a -dtb and adds its own. */
    ram-copy@40000000 {
        device_type = "memory";
        reg = <0x0 0x40000000 0x0 0x40000000>;
    };
    ram@60000000 {
        device_type = "memory";
        reg = <0x0 0x60000000 0x0 0x10000000>;
    };
};
&{/chosen} {
    xen,xen-bootargs = [6e 6f 73 6d 70];
};
&{/chosen/domU1/module@52000000} {
    bootargs = [61 62 63];
};
DTS
} | custom_dt sloppy "/memreserve/ 0x40200000 0x1000; /memreserve/ 0x48000000 0x1000;"
run --name arm64-sloppy-board-dt --pass '^\(XEN\) Powering off' \
    --expect '^\(XEN\) DT: /ram-copy@40000000: RAM 0x40000000-0x7fffffff is listed twice; counted once$' \
    --expect '^\(XEN\) DT: /ram@60000000: RAM 0x60000000-0x6fffffff overlaps RAM 0x40000000-0x7fffffff; merged into 0x40000000-0x7fffffff$' \
    --expect '^\(XEN\) RAM: 1 bank, 1 GiB in all$' \
    --expect '^\(XEN\) Reserved region 0x40200000-0x40200fff overlaps the hypervisor image at 0x40200000-0x[0-9a-f]+; it cannot be honoured$' \
    --expect '^\(XEN\) Reserved region 0x48000000-0x48000fff overlaps the device tree at 0x48000000-0x[0-9a-f]+; it cannot be honoured$' \
    --expect "^\\(XEN\\) DT: /chosen: 'xen,xen-bootargs' is not a NUL-terminated string; ignored\$" \
    --expect '^\(XEN\) Command line: \(none\)$' \
    --expect "^\\(XEN\\) DT: /chosen/domU1/module@52000000: 'bootargs' is not a NUL-terminated string; ignored\$" \
    --expect '^\(d0\) Test result: SUCCESS$' \
    --expect '^\(d1\) Test result: SUCCESS$' \
    --expect '^\(XEN\) Memory check: every page came back' \
    --reject 'ignored-for-xen' \
    -- $(qemu_arm64 2 1G) -dtb "$dt-sloppy.dtb" -append "ignored-for-xen" \
    -device "loader,file=$smoke,addr=0x56000000,force-raw=on" \
    -device "loader,file=$smoke,addr=0x52000000,force-raw=on"

# 19. The release build (CONFIG_DEBUG off, from the build matrix) boots
#     too; it has no lock-order checker, nor its self-test.
release=$top/test-logs/build-arm64-release/xen
if [ -f "$release" ]; then
    xen=$release run --name arm64-boot-release --pass '^\(XEN\) Powering off' \
        --expect '^\(XEN\) Xen-ABI hypervisor [0-9.]+ \(arm64\)' \
        --expect '^\(XEN\) 2 CPUs online' \
        --expect "^\\(XEN\\) Unknown command line option 'selftest-lock-order'; ignored" \
        -- $(xen=$release qemu_arm64 2 1G) -append "selftest-lock-order"
fi

suite_end
