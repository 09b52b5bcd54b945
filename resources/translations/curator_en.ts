<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BorrowersDialog</name>
    <message numerus="yes">
        <source>%n institution(s)</source>
        <translation>
            <numerusform>%n institution</numerusform>
            <numerusform>%n institutions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContainersView</name>
    <message numerus="yes">
        <source>%Ln sample(s)</source>
        <translation>
            <numerusform>%Ln sample</numerusform>
            <numerusform>%Ln samples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscrepanciesDialog</name>
    <message numerus="yes">
        <source>%n split(s) whose inventory answer disagrees with the chain. A borrower&apos;s word changes no mass: if the chain is wrong, a curator records a correction.</source>
        <translation>
            <numerusform>%n split whose inventory answer disagrees with the chain. A borrower&apos;s word changes no mass: if the chain is wrong, a curator records a correction.</numerusform>
            <numerusform>%n splits whose inventory answer disagrees with the chain. A borrower&apos;s word changes no mass: if the chain is wrong, a curator records a correction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FacilityEventDialog</name>
    <message numerus="yes">
        <source>{kind} recorded on {place}: %n sample(s) inside at the time</source>
        <translation>
            <numerusform>{kind} recorded on {place}: %n sample inside at the time</numerusform>
            <numerusform>{kind} recorded on {place}: %n samples inside at the time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverSheetDialog</name>
    <message numerus="yes">
        <source>{reference}: {institution} ({country}), %n split(s), {total}</source>
        <translation>
            <numerusform>{reference}: {institution} ({country}), %n split, {total}</numerusform>
            <numerusform>{reference}: {institution} ({country}), %n splits, {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {path} (%n page(s)).</source>
        <translation>
            <numerusform>Wrote {path} (%n page).</numerusform>
            <numerusform>Wrote {path} (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n bad row(s): fix the file and check it again; nothing will be imported until every row is right.</source>
        <translation>
            <numerusform>%n bad row: fix the file and check it again; nothing will be imported until every row is right.</numerusform>
            <numerusform>%n bad rows: fix the file and check it again; nothing will be imported until every row is right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n sample(s)…</source>
        <translation>
            <numerusform>Importing %n sample…</numerusform>
            <numerusform>Importing %n samples…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n sample(s).</source>
        <translation>
            <numerusform>Imported %n sample.</numerusform>
            <numerusform>Imported %n samples.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelPrinterRow</name>
    <message numerus="yes">
        <source>%n label(s) sent to {printer}</source>
        <translation>
            <numerusform>%n label sent to {printer}</numerusform>
            <numerusform>%n labels sent to {printer}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>container {barcode}: %n sample(s)</source>
        <translation>
            <numerusform>container {barcode}: %n sample</numerusform>
            <numerusform>container {barcode}: %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>position {path} holds container {barcode}: %n sample(s)</source>
        <translation>
            <numerusform>position {path} holds container {barcode}: %n sample</numerusform>
            <numerusform>position {path} holds container {barcode}: %n samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Integrity: %n problem(s)</source>
        <translation>
            <numerusform>Integrity: %n problem</numerusform>
            <numerusform>Integrity: %n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintLabelsDialog</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
