"""Instruments at the desk: balances (MT-SICS, Sartorius SBI) and label printers (Brother QL raster, Zebra
ZPL), each addressed by a URI and spoken to over a serial port, a device file or TCP. No Qt here: the desk
(ui/) draws labels and runs readings off the GUI thread; this package speaks the protocols."""
