#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot the freshly built hypervisor under QEMU with a demo set-up that
# shows what it can do today, print its log as it comes, and exit when it
# powers the machine off.
#   run-demo.sh arm64|x86_64
set -eu

arch=${1:-arm64}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/test-logs/demo
mkdir -p "$work"

# The hardware domain's kernel: the smoke guest (tools/tests/qemu/guests),
# which exercises the hypercalls and shuts down; and a stand-in ramdisk.
# Two dom0less domains run the test guest's xen-version test next to it
# (one from the heap, one on static memory; on arm64 that one is also
# direct-mapped), and a third is refused with the reason.
"$top/tools/tests/qemu/guests/build.sh" "$arch" "$work/kernel.bin"
head -c 16384 /dev/zero > "$work/ramdisk.bin"
make -s -C "$top/tools/tests/guest" "$arch" > /dev/null
case $arch in
arm64) xtest=$top/tools/tests/guest/build/arm64/xtest.bin ;;
*) xtest=$top/tools/tests/guest/build/x86_64/xtest.elf ;;
esac
size=$(printf '0x%x' "$(stat -c %s "$xtest")")

# domains NODE_PREFIX STATIC_BASE EXTRA: the dom0less part of the demo DT.
domains() {
    cat <<DTS
        domU1 {
            compatible = "xen,domain";
            #address-cells = <2>;
            #size-cells = <2>;
            memory = <0x0 0x8000>;
            cpus = <1>;
            module@$1 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x$1 0x0 $size>;
                bootargs = "xtest=xen-version";
            };
        };
        domU2 {
            compatible = "xen,domain";
            #address-cells = <2>;
            #size-cells = <2>;
            memory = <0x0 0x8000>;
            cpus = <1>;
            $3
            xen,static-mem = <0x0 $2 0x0 0x2000000>;
            module@$1 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x$1 0x0 $size>;
                bootargs = "xtest=xen-version";
            };
        };
        domU3 {
            compatible = "xen,domain";
            #address-cells = <2>;
            #size-cells = <2>;
            memory = <0x0 0x8000>;
            cpus = <1>;
            direct-map;
            module@$1 {
                compatible = "multiboot,kernel", "multiboot,module";
                reg = <0x0 0x$1 0x0 $size>;
            };
        };
DTS
}

case $arch in
arm64)
    image=$top/xen/build-arm64/xen
    machine=(qemu-system-aarch64 -M virt,virtualization=on,gic-version=3
             -cpu max -smp 4 -m 2G -display none -serial stdio -monitor none
             -no-reboot)
    # QEMU's own DT plus the domains (guest-loader nodes do not survive
    # -dtb, so every module is described here and placed by "loader").
    "${machine[@]}" -machine dumpdtb="$work/board.dtb" > /dev/null 2>&1
    {
        dtc -q -I dtb -O dts "$work/board.dtb"
        cat <<DTS
&{/chosen} {
    module@50000000 {
        compatible = "multiboot,kernel", "multiboot,module";
        reg = <0x0 0x50000000 0x0 $(printf '0x%x' "$(stat -c %s "$work/kernel.bin")")>;
        bootargs = "console=hvc0 earlycon";
    };
    module@51000000 {
        compatible = "multiboot,ramdisk", "multiboot,module";
        reg = <0x0 0x51000000 0x0 0x4000>;
    };
$(domains 52000000 0x60000000 direct-map\;)
};
DTS
    } | dtc -q -I dts -O dtb -o "$work/demo.dtb" -
    set -- "${machine[@]}" -kernel "$image" -dtb "$work/demo.dtb" \
        -append "loglvl=all dom0_mem=128M" \
        -device "loader,file=$work/kernel.bin,addr=0x50000000,force-raw=on" \
        -device "loader,file=$work/ramdisk.bin,addr=0x51000000,force-raw=on" \
        -device "loader,file=$xtest,addr=0x52000000,force-raw=on"
    ;;
x86_64)
    image=$top/xen/build-x86_64/xen
    dtc -q -I dts -O dtb -o "$work/demo.dtb" - <<DTS
/dts-v1/;
/ {
    #address-cells = <2>;
    #size-cells = <2>;
    chosen {
$(domains 8000000 0x10000000 "")
    };
};
DTS
    set -- qemu-system-x86_64 -machine q35 -cpu max,-smap -smp 4 -m 1G \
        -display none -serial stdio -monitor none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -kernel "$image" -append "loglvl=all dom0_mem=128M" \
        -initrd "$work/kernel.bin console=hvc0 earlycon,$work/ramdisk.bin,$work/demo.dtb" \
        -device "loader,file=$xtest,addr=0x8000000,force-raw=on"
    ;;
*)
    echo "run-demo.sh: unknown architecture '$arch' (arm64 or x86_64)" >&2
    exit 2
    ;;
esac

echo "+ $*"
# The hypervisor powers the machine off when it is done; the timeout only
# guards against a hang.
status=0
timeout --foreground 60 "$@" < /dev/null || status=$?
case $arch:$status in
arm64:0|x86_64:33) exit 0 ;;
*:124) echo "run-demo.sh: QEMU did not exit within 60 s" >&2; exit 1 ;;
*) exit "$status" ;;
esac
