<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AllocationsTableModel</name>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>借用单位</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>PI</source>
        <translation>项目负责人</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>借出中</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>归还期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Overdue since {due}</source>
        <translation>自 {due} 起逾期</translation>
    </message>
</context>
<context>
    <name>AllocationsView</name>
    <message>
        <source>Overdue loans first</source>
        <translation>逾期借用优先</translation>
    </message>
    <message>
        <source>&amp;New allocation…</source>
        <translation>新建分配(&amp;N)…</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Hand &amp;over…</source>
        <translation>交接(&amp;O)…</translation>
    </message>
    <message>
        <source>Prepare…</source>
        <translation>备样…</translation>
    </message>
    <message>
        <source>Record r&amp;eturn…</source>
        <translation>登记归还(&amp;E)…</translation>
    </message>
    <message>
        <source>Scan returns…</source>
        <translation>扫描归还…</translation>
    </message>
    <message>
        <source>Record consu&amp;mption…</source>
        <translation>登记消耗(&amp;M)…</translation>
    </message>
    <message>
        <source>Cance&amp;l…</source>
        <translation>取消(&amp;L)…</translation>
    </message>
    <message>
        <source>Ed&amp;it terms…</source>
        <translation>编辑条款(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Borrowers…</source>
        <translation>借用单位(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose an allocation to see its splits.</source>
        <translation>选择一项分配以查看其子样。</translation>
    </message>
    <message>
        <source>{reference}: {institution} ({country}), PI {pi} — {status}</source>
        <translation>{reference}：{institution}（{country}），项目负责人 {pi} — {status}</translation>
    </message>
    <message>
        <source>; pristine samples only</source>
        <translation>；仅限原始样品</translation>
    </message>
    <message>
        <source>{number}   {mass} {status} · {condition}   returned {returned}, consumed {consumed}   container {barcode}</source>
        <translation>{number}   {mass} {status} · {condition}   已归还 {returned}，已消耗 {consumed}   容器 {barcode}</translation>
    </message>
    <message>
        <source>Approval is for curators</source>
        <translation>仅样品管理员可批准</translation>
    </message>
    <message>
        <source>{reference} approved</source>
        <translation>{reference} 已批准</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source>Folder for automatic backups</source>
        <translation>自动备份文件夹</translation>
    </message>
</context>
<context>
    <name>BalanceReader</name>
    <message>
        <source>Read balance (F9)</source>
        <translation>读取天平 (F9)</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>去皮</translation>
    </message>
    <message>
        <source>No balance set up on this desk: Tools &gt; Instruments…</source>
        <translation>本工作台未设置天平：工具 &gt; 仪器…</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>zeroed</source>
        <translation>已清零</translation>
    </message>
    <message>
        <source>tared</source>
        <translation>已去皮</translation>
    </message>
    <message>
        <source>{value}: below zero; zero the empty balance, then weigh again</source>
        <translation>{value}：低于零；请将空天平清零后重新称量</translation>
    </message>
</context>
<context>
    <name>BorrowersDialog</name>
    <message>
        <source>Borrowers</source>
        <translation>借用单位</translation>
    </message>
    <message>
        <source>Institution / principal investigator</source>
        <translation>借用单位 / 项目负责人</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>&amp;New institution…</source>
        <translation>新建借用单位(&amp;N)…</translation>
    </message>
    <message>
        <source>New &amp;PI…</source>
        <translation>新建项目负责人(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <source>%n institution(s)</source>
        <translation>
            <numerusform>%n 个借用单位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel {reference}</source>
        <translation>取消 {reference}</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>say why the allocation is cancelled</source>
        <translation>说明取消该分配的原因</translation>
    </message>
    <message>
        <source>{reference} cancelled</source>
        <translation>{reference} 已取消</translation>
    </message>
</context>
<context>
    <name>ChartToolbar</name>
    <message>
        <source>Home</source>
        <translation>初始视图</translation>
    </message>
    <message>
        <source>Reset original view</source>
        <translation>恢复初始视图</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back to previous view</source>
        <translation>回到上一视图</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward to next view</source>
        <translation>前往下一视图</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Left button pans, right button zooms</source>
        <translation>左键平移，右键缩放</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom to rectangle</source>
        <translation>框选缩放</translation>
    </message>
    <message>
        <source>Subplots</source>
        <translation>子图</translation>
    </message>
    <message>
        <source>Configure subplots</source>
        <translation>设置子图</translation>
    </message>
    <message>
        <source>Customize</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Edit axis, curve and image parameters</source>
        <translation>编辑坐标轴、曲线和图像参数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the figure</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <source>Mass per country</source>
        <translation>各国家/地区质量</translation>
    </message>
    <message>
        <source>Mass per institution</source>
        <translation>各借用单位质量</translation>
    </message>
    <message>
        <source>Cumulative over time</source>
        <translation>随时间累计</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Sav&amp;e as…</source>
        <translation>另存为(&amp;E)…</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Mission:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>all missions</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>requested {start} – {end}</source>
        <translation>申请于 {start} – {end}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Computing the chart…</source>
        <translation>正在计算图表…</translation>
    </message>
    <message>
        <source>Lunar sample mass allocated and handed over</source>
        <translation>月球样品分配与交接质量</translation>
    </message>
    <message>
        <source>Lunar sample mass allocated per country</source>
        <translation>各国家/地区月球样品分配质量</translation>
    </message>
    <message>
        <source>Lunar sample mass allocated per institution</source>
        <translation>各借用单位月球样品分配质量</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ChildPlace</name>
    <message>
        <source>scan or type a barcode</source>
        <translation>扫描或输入条码</translation>
    </message>
    <message>
        <source>scan or type its container&apos;s barcode</source>
        <translation>请扫描或输入其容器的条码</translation>
    </message>
    <message>
        <source>no free position offered: say where {barcode} goes</source>
        <translation>没有可提供的空闲库位：请指定 {barcode} 的存放位置</translation>
    </message>
</context>
<context>
    <name>ContainersDialog</name>
    <message>
        <source>New containers</source>
        <translation>新建容器</translation>
    </message>
    <message>
        <source>scan or type; empty for a numbered batch</source>
        <translation>扫描或输入；留空则批量编号</translation>
    </message>
    <message>
        <source>a position, or a shelf, rack or cabinet (its next free ones)</source>
        <translation>库位，或层架、样品架、柜（取其下一个空闲库位）</translation>
    </message>
    <message>
        <source>Barcode:</source>
        <translation>条码：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>How many (batch):</source>
        <translation>数量（批量）：</translation>
    </message>
    <message>
        <source>Barcode prefix (batch):</source>
        <translation>条码前缀（批量）：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Next free position:</source>
        <translation>下一个空闲库位：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>scan a barcode, or give a prefix for a numbered batch</source>
        <translation>请扫描条码，或填写批量编号的前缀</translation>
    </message>
    <message>
        <source>added {first}…{last}</source>
        <translation>已添加 {first}…{last}</translation>
    </message>
    <message>
        <source>added {barcode}</source>
        <translation>已添加 {barcode}</translation>
    </message>
</context>
<context>
    <name>ContainersView</name>
    <message>
        <source>Filter: type any part of a number, barcode, place, kind, status…</source>
        <translation>筛选：输入编号、条码、位置、类型、状态的任意部分…</translation>
    </message>
    <message>
        <source>All storage</source>
        <translation>全部库存</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sample(s)</source>
        <translation>
            <numerusform>%Ln 个样品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct an event of {number}</source>
        <translation>更正 {number} 的事件</translation>
    </message>
    <message>
        <source>(choose the wrong event)</source>
        <translation>（选择有误的事件）</translation>
    </message>
    <message>
        <source>the mass that event should have stated, if it was wrong</source>
        <translation>若质量有误，填写该事件应记录的质量</translation>
    </message>
    <message>
        <source>Wrong event:</source>
        <translation>有误的事件：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>True mass:</source>
        <translation>正确质量：</translation>
    </message>
    <message>
        <source>only a curator may record a correction; {name} is a {role}</source>
        <translation>只有样品管理员可以登记更正；{name} 是{role}</translation>
    </message>
    <message>
        <source>choose the event that was wrong</source>
        <translation>请选择有误的事件</translation>
    </message>
    <message>
        <source>a correction needs a reason</source>
        <translation>更正必须填写原因</translation>
    </message>
    <message>
        <source>event {id} corrected</source>
        <translation>事件 {id} 已更正</translation>
    </message>
</context>
<context>
    <name>DatabaseWatch</name>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Database problem: {problem}</source>
        <translation>数据库问题：{problem}</translation>
    </message>
    <message>
        <source>Integrity: not known (the database cannot be read)</source>
        <translation>完整性：未知（无法读取数据库）</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesDialog</name>
    <message>
        <source>Inventory answers the chain contradicts</source>
        <translation>与监管链记录不符的清点答复</translation>
    </message>
    <message numerus="yes">
        <source>%n split(s) whose inventory answer disagrees with the chain. A borrower&apos;s word changes no mass: if the chain is wrong, a curator records a correction.</source>
        <translation>
            <numerusform>%n 个子样的清点答复与监管链记录不符。借用单位的说法不会改变任何质量：若监管链记录有误，由样品管理员登记更正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用单位</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>借用</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>子样</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>不符之处</translation>
    </message>
    <message>
        <source>the borrower says {said} was sent back; no return is recorded</source>
        <translation>借用单位称已寄回 {said}；但没有归还记录</translation>
    </message>
    <message>
        <source>the borrower says {said} was sent back; {back} was weighed back on {day}</source>
        <translation>借用单位称已寄回 {said}；{day} 归还称重为 {back}</translation>
    </message>
    <message>
        <source>the borrower says {said} was sent back; it is recorded used up on {day}</source>
        <translation>借用单位称已寄回 {said}；但记录显示已于 {day} 消耗完</translation>
    </message>
    <message>
        <source>came back on {day} with {back}, more than the {held} the borrower said it held at the end of {year}</source>
        <translation>{day} 归还 {back}，多于借用单位所称 {year} 年底持有的 {held}</translation>
    </message>
</context>
<context>
    <name>DocumentLanguage</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English and Chinese</source>
        <translation>中英双语</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>&amp;Write reminder…</source>
        <translation>写提醒函(&amp;W)…</translation>
    </message>
    <message>
        <source>Inventor&amp;y statements…</source>
        <translation>清点表(&amp;Y)…</translation>
    </message>
    <message>
        <source>Confirm inventory…</source>
        <translation>确认清点…</translation>
    </message>
    <message>
        <source>Return form…</source>
        <translation>归还单…</translation>
    </message>
    <message>
        <source>Res&amp;ults…</source>
        <translation>成果(&amp;U)…</translation>
    </message>
    <message>
        <source>Discrepancies…</source>
        <translation>不符之处…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Due&lt;/b&gt;: {count} item(s), {to_send} reminder(s) to send</source>
        <translation>&lt;b&gt;到期&lt;/b&gt;：{count} 项，{to_send} 份提醒待发送</translation>
    </message>
    <message>
        <source>Folder for the inventory statements</source>
        <translation>清点表保存文件夹</translation>
    </message>
    <message>
        <source>Could not write the statements: {error}</source>
        <translation>无法写入清点表：{error}</translation>
    </message>
    <message>
        <source>Wrote {count} inventory statement(s) of {year} in {folder}.</source>
        <translation>已在 {folder} 写入 {count} 份 {year} 年度清点表。</translation>
    </message>
    <message>
        <source>A filled inventory statement</source>
        <translation>已填写的清点表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{year} inventory of {borrower} recorded</source>
        <translation>{borrower} 的 {year} 年度清点已登记</translation>
    </message>
    <message>
        <source>Choose an allocation in the table first.</source>
        <translation>请先在表中选择一项分配。</translation>
    </message>
    <message>
        <source>Save the return form as PDF</source>
        <translation>将归还单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the PDF: {error}</source>
        <translation>无法写入 PDF：{error}</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <source>Borrower</source>
        <translation>借用单位</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>归还期限</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>sent {day}</source>
        <translation>已于 {day} 发送</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export allocations</source>
        <translation>导出分配</translation>
    </message>
    <message>
        <source>allocations.xlsx</source>
        <translation>allocations.xlsx</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Requested from</source>
        <translation>申请起始</translation>
    </message>
    <message>
        <source>Requested to</source>
        <translation>申请截止</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose a file to write first.</source>
        <translation>请先选择要写入的文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>导出中…</translation>
    </message>
    <message>
        <source>Wrote {path}: {allocations} allocations, {samples} samples handed over.</source>
        <translation>已写入 {path}：{allocations} 项分配，{samples} 个已交接样品。</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
</context>
<context>
    <name>FacilityEventDialog</name>
    <message>
        <source>Facility event</source>
        <translation>设施事件</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>ended at</source>
        <translation>结束于</translation>
    </message>
    <message>
        <source>e.g. 4.2 % O2, 38 %RH, 31.5 °C</source>
        <translation>例如 4.2 % O2、38 %RH、31.5 °C</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Excursion:</source>
        <translation>环境异常：</translation>
    </message>
    <message>
        <source>Atmosphere:</source>
        <translation>气氛：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始于：</translation>
    </message>
    <message>
        <source>Measured value:</source>
        <translation>测量值：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>choose the room, cabinet or glove box</source>
        <translation>请选择房间、柜或手套箱</translation>
    </message>
    <message>
        <source>say in which atmosphere it was opened or sealed</source>
        <translation>请说明在何种气氛中打开或密封</translation>
    </message>
    <message>
        <source>a note needs some text</source>
        <translation>备注不能为空</translation>
    </message>
    <message>
        <source>the end is before the start</source>
        <translation>结束时间早于开始时间</translation>
    </message>
    <message numerus="yes">
        <source>{kind} recorded on {place}: %n sample(s) inside at the time</source>
        <translation>
            <numerusform>已在 {place} 登记{kind}：当时其中有 %n 个样品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileRow</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over {reference}</source>
        <translation>交接 {reference}</translation>
    </message>
    <message>
        <source>{number} ({mass}, prepared)</source>
        <translation>{number}（{mass}，已备样）</translation>
    </message>
    <message>
        <source>Material:</source>
        <translation>样品要求：</translation>
    </message>
    <message>
        <source>pristine samples only</source>
        <translation>仅限原始样品</translation>
    </message>
    <message>
        <source>Splits:</source>
        <translation>子样：</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>归还期限：</translation>
    </message>
    <message>
        <source>{number} is already in the list</source>
        <translation>{number} 已在列表中</translation>
    </message>
    <message>
        <source>{number} ({mass}, scanned)</source>
        <translation>{number}（{mass}，已扫描）</translation>
    </message>
    <message>
        <source>{total} of {approved} approved; splits in hand: {count}</source>
        <translation>已批准 {approved}，共 {total}；在手子样：{count}</translation>
    </message>
    <message>
        <source>scan the splits to hand over</source>
        <translation>扫描要交接的子样</translation>
    </message>
    <message>
        <source>scan every prepared split: {missing} not scanned yet</source>
        <translation>请扫描每个已备子样：{missing} 尚未扫描</translation>
    </message>
    <message>
        <source>{reference} handed over</source>
        <translation>{reference} 已交接</translation>
    </message>
</context>
<context>
    <name>HandoverPreview</name>
    <message>
        <source>Handover sheet {reference}</source>
        <translation>交接单 {reference}</translation>
    </message>
</context>
<context>
    <name>HandoverSheetDialog</name>
    <message>
        <source>Handover sheet {reference}</source>
        <translation>交接单 {reference}</translation>
    </message>
    <message>
        <source>&amp;Chinese and English</source>
        <translation>中英双语(&amp;C)</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <source>{reference}: {institution} ({country}), %n split(s), {total}</source>
        <translation>
            <numerusform>{reference}：{institution}（{country}），%n 个子样，{total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {path} (%n page(s)).</source>
        <translation>
            <numerusform>已写入 {path}（%n 页）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the handover sheet as PDF</source>
        <translation>将交接单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <source>Could not write the PDF: {error}</source>
        <translation>无法写入 PDF：{error}</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Mass after</source>
        <translation>事件后质量</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>经由</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>ImageAttacher</name>
    <message>
        <source>Attach &amp;images…</source>
        <translation>附加图像(&amp;I)…</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>附加图像</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>图像 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a catalogue</source>
        <translation>导入样品目录</translation>
    </message>
    <message>
        <source>catalogue.xlsx or catalogue.csv</source>
        <translation>catalogue.xlsx 或 catalogue.csv</translation>
    </message>
    <message>
        <source>all (follow the Mission column)</source>
        <translation>全部（按“任务”列）</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Choose a file and check it.</source>
        <translation>请选择文件并检查。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Catalogues (*.xlsx *.csv)</source>
        <translation>样品目录 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s): fix the file and check it again; nothing will be imported until every row is right.</source>
        <translation>
            <numerusform>%n 行有误：请修正文件后重新检查；所有行无误前不会导入任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n sample(s)…</source>
        <translation>
            <numerusform>正在导入 %n 个样品…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n sample(s).</source>
        <translation>
            <numerusform>已导入 %n 个样品。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import: {summary}.</source>
        <translation>无可导入内容：{summary}。</translation>
    </message>
    <message>
        <source>Ready: {summary}. Sign in to import.</source>
        <translation>就绪：{summary}。登录后即可导入。</translation>
    </message>
    <message>
        <source>Ready: {summary}.</source>
        <translation>就绪：{summary}。</translation>
    </message>
</context>
<context>
    <name>InstitutionDialog</name>
    <message>
        <source>New institution</source>
        <translation>新建借用单位</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>e-mail or address of the sample office</source>
        <translation>样品办公室的电子邮件或地址</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家/地区：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>give the institution&apos;s name</source>
        <translation>请填写借用单位名称</translation>
    </message>
    <message>
        <source>choose the country</source>
        <translation>请选择国家/地区</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>没有任何更改</translation>
    </message>
    <message>
        <source>Looks like {names}, already listed: the same borrower? You will be asked to confirm.</source>
        <translation>与已登记的 {names} 相似：是同一借用单位吗？保存前会请您确认。</translation>
    </message>
    <message>
        <source>A borrower like this one is listed</source>
        <translation>已登记相似的借用单位</translation>
    </message>
    <message>
        <source>{name} looks like {names}. Two names for one borrower split its loans and totals.

Save {name} as another institution?</source>
        <translation>{name} 与 {names} 相似。同一借用单位用两个名称会拆分其借用记录和合计。

将 {name} 保存为另一个借用单位吗？</translation>
    </message>
    <message>
        <source>institution {name} added</source>
        <translation>已添加借用单位 {name}</translation>
    </message>
    <message>
        <source>institution {name} saved</source>
        <translation>已保存借用单位 {name}</translation>
    </message>
</context>
<context>
    <name>InstrumentsDialog</name>
    <message>
        <source>Instruments of this desk</source>
        <translation>本工作台的仪器</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>METTLER TOLEDO (MT-SICS)</source>
        <translation>梅特勒-托利多 (MT-SICS)</translation>
    </message>
    <message>
        <source>Sartorius (SBI)</source>
        <translation>赛多利斯 (SBI)</translation>
    </message>
    <message>
        <source>serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>network (TCP)</source>
        <translation>网络 (TCP)</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20</source>
        <translation>例如 192.168.1.20</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>天平</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>Serial port:</source>
        <translation>串口：</translation>
    </message>
    <message>
        <source>Baud rate:</source>
        <translation>波特率：</translation>
    </message>
    <message>
        <source>data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <source>parity</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <source>Framing:</source>
        <translation>帧格式：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>TCP port:</source>
        <translation>TCP 端口：</translation>
    </message>
    <message>
        <source>Wait for a stable value:</source>
        <translation>等待稳定读数：</translation>
    </message>
    <message>
        <source>Label printers (one URI a line)</source>
        <translation>标签打印机（每行一个 URI）</translation>
    </message>
    <message>
        <source>name the balance&apos;s host (its network address)</source>
        <translation>请填写天平的主机（网络地址）</translation>
    </message>
    <message>
        <source>name the serial port (e.g. /dev/ttyUSB0 or COM3)</source>
        <translation>请填写串口（例如 /dev/ttyUSB0 或 COM3）</translation>
    </message>
    <message>
        <source>asking the balance…</source>
        <translation>正在询问天平…</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <source>{model}, serial number {serial}: {value} ({state})</source>
        <translation>{model}，序列号 {serial}：{value}（{state}）</translation>
    </message>
</context>
<context>
    <name>InvestigatorDialog</name>
    <message>
        <source>New principal investigator at {institution}</source>
        <translation>{institution} 的新项目负责人</translation>
    </message>
    <message>
        <source>Edit {name} at {institution}</source>
        <translation>编辑 {institution} 的 {name}</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <source>give the investigator&apos;s name</source>
        <translation>请填写项目负责人姓名</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>没有任何更改</translation>
    </message>
    <message>
        <source>{name} saved at {institution}</source>
        <translation>已保存 {institution} 的 {name}</translation>
    </message>
</context>
<context>
    <name>LabelPrinterRow</name>
    <message>
        <source>Print on label printer</source>
        <translation>用标签打印机打印</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>测试打印</translation>
    </message>
    <message>
        <source>No label printer set up on this desk: Tools &gt; Instruments…</source>
        <translation>本工作台未设置标签打印机：工具 &gt; 仪器…</translation>
    </message>
    <message>
        <source>sending to {printer}…</source>
        <translation>正在发送到 {printer}…</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s) sent to {printer}</source>
        <translation>
            <numerusform>已向 {printer} 发送 %n 张标签</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The desk will speak the chosen language when Curator starts next.</source>
        <translation>所选语言将在下次启动 Curator 时生效。</translation>
    </message>
</context>
<context>
    <name>LoanFilterBar</name>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅逾期</translation>
    </message>
    <message>
        <source>Filter: reference, institution, PI…</source>
        <translation>筛选：编号、借用单位、项目负责人…</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>任意国家/地区</translation>
    </message>
    <message>
        <source>Any institution</source>
        <translation>任意借用单位</translation>
    </message>
    <message>
        <source>Any mission</source>
        <translation>任意任务</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>the top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>New location in {place}</source>
        <translation>在 {place} 中新建位置</translation>
    </message>
    <message>
        <source>no grid</source>
        <translation>无网格</translation>
    </message>
    <message>
        <source>A1, A2 … (row letter, column number)</source>
        <translation>A1、A2 …（行字母、列数字）</translation>
    </message>
    <message>
        <source>P01, P02 … (numbered)</source>
        <translation>P01、P02 …（顺序编号）</translation>
    </message>
    <message>
        <source>as its parent</source>
        <translation>同上级</translation>
    </message>
    <message>
        <source>leave empty for the next LOC- number</source>
        <translation>留空则使用下一个 LOC- 编号</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Grid (rows × columns):</source>
        <translation>网格（行 × 列）：</translation>
    </message>
    <message>
        <source>Atmosphere:</source>
        <translation>气氛：</translation>
    </message>
    <message>
        <source>Barcode:</source>
        <translation>条码：</translation>
    </message>
    <message>
        <source>nothing can be added inside a position</source>
        <translation>库位内不能再添加位置</translation>
    </message>
    <message>
        <source>give the location a name</source>
        <translation>请填写位置名称</translation>
    </message>
    <message>
        <source>a grid needs both rows and columns</source>
        <translation>网格需要同时填写行数和列数</translation>
    </message>
    <message>
        <source>a {kind} holds no grid of positions</source>
        <translation>{kind}不能包含库位网格</translation>
    </message>
    <message>
        <source>added {path}</source>
        <translation>已添加 {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Choose an allocation first, then File &gt; Handover sheet…</source>
        <translation>请先选择一项分配，然后点 文件 &gt; 交接单…</translation>
    </message>
    <message>
        <source>&amp;Export allocations…</source>
        <translation>导出分配(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import catalogue…</source>
        <translation>导入样品目录(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Print labels…</source>
        <translation>打印标签(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Handover sheet…</source>
        <translation>交接单(&amp;H)…</translation>
    </message>
    <message>
        <source>Curator — lunar sample desk</source>
        <translation>Curator — 月球样品工作台</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>容器(&amp;C)</translation>
    </message>
    <message>
        <source>Sample &amp;detail</source>
        <translation>样品详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Allocations</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <source>Chart&amp;s</source>
        <translation>图表(&amp;S)</translation>
    </message>
    <message>
        <source>Integrity: checking…</source>
        <translation>完整性：检查中…</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source> Scan: </source>
        <translation> 扫描：</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch operator…</source>
        <translation>切换操作员(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Scan a c&amp;ode</source>
        <translation>扫描条码(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Weigh…</source>
        <translation>称重(&amp;W)…</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>分样(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>移位(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Open / seal / inspect / note…</source>
        <translation>开封 / 密封 / 检查 / 备注(&amp;O)…</translation>
    </message>
    <message>
        <source>Corr&amp;ection…</source>
        <translation>更正(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Receive a sample…</source>
        <translation>接收样品(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Facility event on a room or cabinet…</source>
        <translation>房间或柜的设施事件(&amp;F)…</translation>
    </message>
    <message>
        <source>S&amp;tocktake…</source>
        <translation>盘点(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <translation>校验完整性(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Backup folder…</source>
        <translation>备份文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Instruments…</source>
        <translation>仪器(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Photo folder…</source>
        <translation>照片文件夹(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Curator</source>
        <translation>关于 Curator(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message numerus="yes">
        <source>container {barcode}: %n sample(s)</source>
        <translation>
            <numerusform>容器 {barcode}：%n 个样品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>position {path} holds container {barcode}: %n sample(s)</source>
        <translation>
            <numerusform>库位 {path} 放有容器 {barcode}：%n 个样品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Integrity: %n problem(s)</source>
        <translation>
            <numerusform>完整性：%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>{kind} {code}</source>
        <translation>{kind} {code}</translation>
    </message>
    <message>
        <source>not in any position</source>
        <translation>不在任何库位</translation>
    </message>
    <message>
        <source>container {barcode} ({kind}) is empty; at {place}</source>
        <translation>容器 {barcode}（{kind}）为空；位于 {place}</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>position {path}: container {barcode}</source>
        <translation>库位 {path}：容器 {barcode}</translation>
    </message>
    <message>
        <source>position {path} holds container {barcode}, which is empty</source>
        <translation>库位 {path} 放有容器 {barcode}，该容器为空</translation>
    </message>
    <message>
        <source>position {path} is free</source>
        <translation>库位 {path} 空闲</translation>
    </message>
    <message>
        <source>{kind} {path}: {taken}/{positions} positions taken</source>
        <translation>{kind} {path}：已占用 {taken}/{positions} 个库位</translation>
    </message>
    <message>
        <source>; next free: {path}</source>
        <translation>；下一个空闲库位：{path}</translation>
    </message>
    <message>
        <source>Open a sample first (scan it).</source>
        <translation>请先打开一个样品（扫描它）。</translation>
    </message>
    <message>
        <source>Operator: {name} ({role})</source>
        <translation>操作员：{name}（{role}）</translation>
    </message>
    <message>
        <source>Verifying the chain of custody…</source>
        <translation>正在校验监管链…</translation>
    </message>
    <message>
        <source>Integrity: verified</source>
        <translation>完整性：已校验</translation>
    </message>
    <message>
        <source>Hash chain, mass balances and the chain heads this desk saw are consistent.</source>
        <translation>哈希链、质量平衡以及本工作台见过的链头均一致。</translation>
    </message>
    <message>
        <source>Automatic backups now go to {folder}</source>
        <translation>自动备份现保存到 {folder}</translation>
    </message>
    <message>
        <source>About Curator</source>
        <translation>关于 Curator</translation>
    </message>
    <message>
        <source>Curator — the lunar sample curation desk.
Every handling step is signed and hash chained.</source>
        <translation>Curator — 月球样品管理工作台。
每一步操作都有签名，并以哈希链相连。</translation>
    </message>
</context>
<context>
    <name>MassEdit</name>
    <message>
        <source>e.g. 12.5 mg</source>
        <translation>例如 12.5 mg</translation>
    </message>
    <message>
        <source>mass must be above zero</source>
        <translation>质量必须大于零</translation>
    </message>
    <message>
        <source>enter a mass</source>
        <translation>请输入质量</translation>
    </message>
</context>
<context>
    <name>MassPlot</name>
    <message>
        <source>mass ({unit})</source>
        <translation>质量（{unit}）</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move {number}</source>
        <translation>移位 {number}</translation>
    </message>
    <message>
        <source>Move container {barcode} to a position</source>
        <translation>将容器 {barcode} 移到库位</translation>
    </message>
    <message>
        <source>Put the sample into another container</source>
        <translation>将样品放入另一个容器</translation>
    </message>
    <message>
        <source>scan the container&apos;s barcode</source>
        <translation>扫描容器条码</translation>
    </message>
    <message>
        <source>Free position:</source>
        <translation>空闲库位：</translation>
    </message>
    <message>
        <source>Next free nearby:</source>
        <translation>附近下一个空闲库位：</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>choose a free position</source>
        <translation>请选择空闲库位</translation>
    </message>
    <message>
        <source>{position} is occupied or is not a position</source>
        <translation>{position} 已被占用或不是库位</translation>
    </message>
    <message>
        <source>scan or type the container&apos;s barcode</source>
        <translation>扫描或输入容器条码</translation>
    </message>
    <message>
        <source>{number} moved to {target}</source>
        <translation>{number} 已移至 {target}</translation>
    </message>
</context>
<context>
    <name>NewAllocationDialog</name>
    <message>
        <source>New allocation</source>
        <translation>新建分配</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>curator only: why lend despite an overdue loan</source>
        <translation>仅样品管理员：说明在有逾期借用时仍借出的原因</translation>
    </message>
    <message>
        <source>only pristine samples (sealed under nitrogen since receipt)</source>
        <translation>仅限原始样品（自接收起一直在氮气中密封）</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Institution:</source>
        <translation>借用单位：</translation>
    </message>
    <message>
        <source>Mission:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Principal investigator:</source>
        <translation>项目负责人：</translation>
    </message>
    <message>
        <source>Mass:</source>
        <translation>质量：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>归还期限：</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Material:</source>
        <translation>样品要求：</translation>
    </message>
    <message>
        <source>Override reason:</source>
        <translation>越权原因：</translation>
    </message>
    <message>
        <source>give the approval&apos;s reference</source>
        <translation>请填写批准编号</translation>
    </message>
    <message>
        <source>choose the borrowing institution</source>
        <translation>请选择借用单位</translation>
    </message>
    <message>
        <source>name the principal investigator</source>
        <translation>请填写项目负责人</translation>
    </message>
    <message>
        <source>mass: {error}</source>
        <translation>质量：{error}</translation>
    </message>
    <message>
        <source>{name} has an overdue loan ({refs}): only a curator may override</source>
        <translation>{name} 有逾期借用（{refs}）：只有样品管理员可以越权</translation>
    </message>
    <message>
        <source>{name} has an overdue loan ({refs}): give a reason to override</source>
        <translation>{name} 有逾期借用（{refs}）：越权须填写原因</translation>
    </message>
    <message>
        <source>allocation {reference} registered</source>
        <translation>分配 {reference} 已登记</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Record an observation on {number}</source>
        <translation>为 {number} 登记观察记录</translation>
    </message>
    <message>
        <source>On container {barcode} (shows in every sample inside)</source>
        <translation>记在容器 {barcode} 上（其中每个样品都会显示）</translation>
    </message>
    <message>
        <source>On the sample only</source>
        <translation>仅记在样品上</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>e.g. IMG_2031.jpg</source>
        <translation>例如 IMG_2031.jpg</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Atmosphere:</source>
        <translation>气氛：</translation>
    </message>
    <message>
        <source>Photo reference:</source>
        <translation>照片编号：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>say in which atmosphere it was {kind} (nitrogen glove box, air…)</source>
        <translation>请说明在何种气氛下{kind}（氮气手套箱、空气…）</translation>
    </message>
    <message>
        <source>attach the images or give the photo&apos;s reference</source>
        <translation>请附加图像或填写照片编号</translation>
    </message>
    <message>
        <source>a note needs some text</source>
        <translation>备注不能为空</translation>
    </message>
    <message>
        <source>{kind} recorded on {code}</source>
        <translation>已在 {code} 上登记{kind}</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Waiting for the database…</source>
        <translation>正在等待数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Stopped waiting for the database; asking it whether anything was recorded…</source>
        <translation>已停止等待数据库；正在询问是否已记录了内容…</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>{text} (recorded after all: it had begun before you stopped waiting)</source>
        <translation>{text}（仍已记录：在您停止等待前已开始）</translation>
    </message>
    <message>
        <source>Not recorded: {reason}</source>
        <translation>未记录：{reason}</translation>
    </message>
</context>
<context>
    <name>PhotoFolderDialog</name>
    <message>
        <source>Photo folder</source>
        <translation>照片文件夹</translation>
    </message>
    <message>
        <source>in the database</source>
        <translation>保存在数据库中</translation>
    </message>
    <message>
        <source>{where} (set by {name}, {when})</source>
        <translation>{where}（由 {name} 于 {when} 设置）</translation>
    </message>
    <message>
        <source>Keep new images in the database</source>
        <translation>新图像保存在数据库中</translation>
    </message>
    <message>
        <source>Keep new images in this folder:</source>
        <translation>新图像保存在此文件夹：</translation>
    </message>
    <message>
        <source>a full path every desk reaches, e.g. /srv/curator/photos</source>
        <translation>每个工作台都能访问的完整路径，例如 /srv/curator/photos</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Images kept before stay where they are and are still found there. Every desk of the facility follows this setting.</source>
        <translation>之前保存的图像留在原处，仍可找到。设施的每个工作台都遵循此设置。</translation>
    </message>
    <message>
        <source>Facility photo folder</source>
        <translation>设施照片文件夹</translation>
    </message>
    <message>
        <source>only a curator or an admin may change the photo folder</source>
        <translation>只有样品管理员或管理员可以更改照片文件夹</translation>
    </message>
    <message>
        <source>name the folder</source>
        <translation>请指定文件夹</translation>
    </message>
    <message>
        <source>no change yet: this is where new images go now</source>
        <translation>尚未更改：新图像现在就保存在这里</translation>
    </message>
    <message>
        <source>new images now go into {folder}</source>
        <translation>新图像现在保存到 {folder}</translation>
    </message>
    <message>
        <source>new images now go into the database</source>
        <translation>新图像现在保存到数据库</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>This image is missing or was altered (run Tools &gt; Verify integrity).</source>
        <translation>此图像缺失或已被改动（请运行 工具 &gt; 校验完整性）。</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Sample number</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>母样</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>库位</translation>
    </message>
</context>
<context>
    <name>PositionField</name>
    <message>
        <source>scan or type a position</source>
        <translation>扫描或输入库位</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>Prepare {reference}</source>
        <translation>为 {reference} 备样</translation>
    </message>
    <message>
        <source>Then print their labels and the handover sheet</source>
        <translation>随后打印其标签和交接单</translation>
    </message>
    <message>
        <source>scan the splits to set aside</source>
        <translation>请扫描要预留的子样</translation>
    </message>
    <message>
        <source>{count} split(s) set aside for {reference}</source>
        <translation>已为 {reference} 预留 {count} 个子样</translation>
    </message>
</context>
<context>
    <name>PrintLabelsDialog</name>
    <message>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Sample numbers or container barcodes, one per line</source>
        <translation>样品编号或容器条码，每行一个</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>IDs</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Chinese and English</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Handover sheet…</source>
        <translation>交接单…</translation>
    </message>
    <message>
        <source>Handover sheet</source>
        <translation>交接单</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n 张标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {path}: {labels} on {pages}.</source>
        <translation>已写入 {path}：{labels}，共 {pages}。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Label preview</source>
        <translation>标签预览</translation>
    </message>
    <message>
        <source>2 x 1 inch direct thermal label (50.8 x 25.4 mm)</source>
        <translation>2 x 1 英寸热敏标签（50.8 x 25.4 mm）</translation>
    </message>
    <message>
        <source>62 x 29 mm label cut from 62 mm continuous tape</source>
        <translation>62 x 29 mm 标签，由 62 mm 连续标签带裁切</translation>
    </message>
    <message>
        <source>62 x 40 mm label from 62 mm continuous tape, with a Code 128 barcode</source>
        <translation>62 x 40 mm 标签，取自 62 mm 连续标签带，带 Code 128 条码</translation>
    </message>
    <message>
        <source>A4 sheet of 24 labels, 3 x 8, 70 x 37 mm each, with a Code 128 barcode</source>
        <translation>A4 标签纸，每张 24 枚（3 x 8），每枚 70 x 37 mm，带 Code 128 条码</translation>
    </message>
    <message>
        <source>Save labels as PDF</source>
        <translation>将标签保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <source>Could not write the PDF: {error}</source>
        <translation>无法写入 PDF：{error}</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive a sample</source>
        <translation>接收样品</translation>
    </message>
    <message>
        <source>scan or type the sample number</source>
        <translation>扫描或输入样品编号</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <source>scan an empty container, or a new jar&apos;s barcode</source>
        <translation>扫描空容器，或新样品罐的条码</translation>
    </message>
    <message>
        <source>Sample number:</source>
        <translation>样品编号：</translation>
    </message>
    <message>
        <source>Mission:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>采样方式：</translation>
    </message>
    <message>
        <source>Mass:</source>
        <translation>质量：</translation>
    </message>
    <message>
        <source>From the balance:</source>
        <translation>天平读数：</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>库位：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>no mission is registered: an admin registers it first</source>
        <translation>尚未登记任何任务：请管理员先登记</translation>
    </message>
    <message>
        <source>mass: {error}</source>
        <translation>质量：{error}</translation>
    </message>
    <message>
        <source>{number} received, {mass}, in {barcode} at {position}</source>
        <translation>{number} 已接收，{mass}，装于 {barcode}，位于 {position}</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Record (Ctrl+Enter)</source>
        <translation>登记 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Signed by {name}</source>
        <translation>签名：{name}</translation>
    </message>
    <message>
        <source>{numbers} was just changed at another desk: what this dialog shows was read again; check it before OK.</source>
        <translation>{numbers} 刚在另一台工作站上被更改：本对话框显示的内容已重新读取；请在确定前核对。</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>{what} changed since you opened it: it now holds {now}, you saw {seen}. Reload and try again</source>
        <translation>{what} 在您打开后已有变动：现有 {now}，您看到的是 {seen}。请重新加载后再试</translation>
    </message>
    <message>
        <source>the split of {number} does not balance: children and loss are {needed}, the sample holds {holds}</source>
        <translation>{number} 的分样不平衡：子样与损耗共 {needed}，而样品只有 {holds}</translation>
    </message>
    <message>
        <source>allocation {reference} approves {approved}; these splits add up to {total}, more than approved</source>
        <translation>分配 {reference} 批准 {approved}；这些子样合计 {total}，超过批准质量</translation>
    </message>
    <message>
        <source>{number} left with {left}: a return of {returned} is impossible</source>
        <translation>{number} 借出 {left}：不可能归还 {returned}</translation>
    </message>
    <message>
        <source>no sample {code}</source>
        <translation>没有样品 {code}</translation>
    </message>
    <message>
        <source>no container with barcode {code}</source>
        <translation>没有条码为 {code} 的容器</translation>
    </message>
    <message>
        <source>unknown code {code}: no sample or container has it</source>
        <translation>未知编码 {code}：没有样品或容器使用它</translation>
    </message>
    <message>
        <source>unknown code {code}: no sample, container or location has it</source>
        <translation>未知编码 {code}：没有样品、容器或位置使用它</translation>
    </message>
    <message>
        <source>nothing was scanned</source>
        <translation>未扫描到任何内容</translation>
    </message>
    <message>
        <source>cannot {action} {number}: it is {status}</source>
        <translation>无法{action} {number}：其状态为{status}</translation>
    </message>
    <message>
        <source>{number} is {status}, not available</source>
        <translation>{number} 状态为{status}，不可用</translation>
    </message>
    <message>
        <source>{number} is not on loan under allocation {reference}</source>
        <translation>{number} 不在分配 {reference} 的借用中</translation>
    </message>
    <message>
        <source>only a {role} may do this; {name} is a {has}</source>
        <translation>只有{role}可以执行此操作；{name} 是{has}</translation>
    </message>
    <message>
        <source>wrong PIN for {name} ({left} more and it is locked)</source>
        <translation>{name} 的 PIN 错误（再错 {left} 次将被锁定）</translation>
    </message>
    <message>
        <source>wrong PIN for {name}: {count} in a row, locked for {minutes} minutes</source>
        <translation>{name} 的 PIN 连续错误 {count} 次，已锁定 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{name} is locked after {count} wrong PINs until {until}; an admin can unlock</source>
        <translation>{name} 因 {count} 次 PIN 错误已锁定至 {until}；管理员可以解锁</translation>
    </message>
    <message>
        <source>{name} has no PIN yet: an admin must set one</source>
        <translation>{name} 尚未设置 PIN：须由管理员设置</translation>
    </message>
    <message>
        <source>{measured} is more than {factor} times off the expected {expected}: a unit slip? Check the unit and weigh again</source>
        <translation>{measured} 与预期 {expected} 相差 {factor} 倍以上：单位写错了？请检查单位并重新称重</translation>
    </message>
    <message>
        <source>{measured} is {difference} from the expected {expected}, beyond the balance tolerance of {tolerance}: check the balance, or confirm the weighing with a reason</source>
        <translation>{measured} 与预期 {expected} 相差 {difference}，超出天平容差 {tolerance}：请检查天平，或填写原因确认此次称重</translation>
    </message>
    <message>
        <source>position {position} already holds container {barcode}</source>
        <translation>库位 {position} 已放有容器 {barcode}</translation>
    </message>
    <message>
        <source>position {position} is already chosen for another split</source>
        <translation>库位 {position} 已选给另一个子样</translation>
    </message>
    <message>
        <source>{path} is a {kind}: containers stand in positions only</source>
        <translation>{path} 是{kind}：容器只能放在库位上</translation>
    </message>
    <message>
        <source>mass is empty: enter a number with a unit, e.g. 12.5 mg</source>
        <translation>质量为空：请输入带单位的数值，例如 12.5 mg</translation>
    </message>
    <message>
        <source>mass {raw} is not a number with a unit (e.g. 12.5 mg, 0.2 g; digits grouped by spaces)</source>
        <translation>质量 {raw} 不是带单位的数值（例如 12.5 mg、0.2 g；数字用空格分组）</translation>
    </message>
    <message>
        <source>mass {raw} has an unknown unit {unit} (use one of {known})</source>
        <translation>质量 {raw} 的单位 {unit} 无法识别（请使用 {known} 之一）</translation>
    </message>
    <message>
        <source>mass {raw} is negative: a mass must be zero or more</source>
        <translation>质量 {raw} 为负数：质量必须大于或等于零</translation>
    </message>
    <message>
        <source>mass {raw} is finer than one microgram</source>
        <translation>质量 {raw} 精度超过一微克</translation>
    </message>
    <message>
        <source>mass {raw} is more than {limit}, more than could be stored</source>
        <translation>质量 {raw} 超过 {limit}，超出可存放的质量</translation>
    </message>
    <message>
        <source>mass {raw} is ambiguous: the comma may group thousands or mark decimals; write {grouped} or {decimal}</source>
        <translation>质量 {raw} 有歧义：逗号可能是千位分隔符，也可能是小数点；请写作 {grouped} 或 {decimal}</translation>
    </message>
    <message>
        <source>weigh</source>
        <translation>称重</translation>
    </message>
    <message>
        <source>split</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>move</source>
        <translation>移位</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开封</translation>
    </message>
    <message>
        <source>seal</source>
        <translation>密封</translation>
    </message>
    <message>
        <source>inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>photograph</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>prepare</source>
        <translation>备样</translation>
    </message>
    <message>
        <source>hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>record a return on</source>
        <translation>登记归还</translation>
    </message>
    <message>
        <source>record consumption on</source>
        <translation>登记消耗</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>sample number</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>barcode prefix</source>
        <translation>条码前缀</translation>
    </message>
    <message>
        <source>operator name</source>
        <translation>操作员姓名</translation>
    </message>
    <message>
        <source>location name</source>
        <translation>位置名称</translation>
    </message>
    <message>
        <source>location path</source>
        <translation>位置路径</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样品</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>institution name</source>
        <translation>借用单位名称</translation>
    </message>
    <message>
        <source>investigator&apos;s name</source>
        <translation>项目负责人姓名</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>measured value</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>借用单位</translation>
    </message>
    <message>
        <source>allocation</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>{value} is not one of {known}</source>
        <translation>{value} 不在可选项中（可选：{known}）</translation>
    </message>
    <message>
        <source>give a reason</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <source>no event {event}</source>
        <translation>没有事件 {event}</translation>
    </message>
    <message>
        <source>a note needs some text</source>
        <translation>备注不能为空</translation>
    </message>
    <message>
        <source>images are attached to photographed and inspected events, not to {kind}</source>
        <translation>图像只能附在拍照和检查事件上，不能附在“{kind}”事件上</translation>
    </message>
    <message>
        <source>say in which atmosphere it was {kind} (e.g. nitrogen, air)</source>
        <translation>请说明“{kind}”时的气氛（如氮气、空气）</translation>
    </message>
    <message>
        <source>the PIN is empty: give at least {digits} digits or a passphrase of {characters} characters</source>
        <translation>PIN 为空：请至少输入 {digits} 位数字，或 {characters} 个字符的口令</translation>
    </message>
    <message>
        <source>the PIN starts or ends with a space: leave the spaces out</source>
        <translation>PIN 的开头或结尾有空格：请去掉空格</translation>
    </message>
    <message>
        <source>a PIN needs at least {digits} digits (or a passphrase of {characters} characters)</source>
        <translation>PIN 至少需要 {digits} 位数字（或 {characters} 个字符的口令）</translation>
    </message>
    <message>
        <source>that PIN is too easy to guess (one digit repeated, a run such as 123456 or 987654, or a repeated pattern): choose another</source>
        <translation>该 PIN 太容易被猜到（同一数字重复、123456 或 987654 这样的连续数字，或重复的模式）：请另选一个</translation>
    </message>
    <message>
        <source>a passphrase needs at least {characters} characters (or give {digits} digits)</source>
        <translation>口令至少需要 {characters} 个字符（或输入 {digits} 位数字）</translation>
    </message>
    <message>
        <source>that passphrase is too easy to guess: use more different characters</source>
        <translation>该口令太容易被猜到：请使用更多不同的字符</translation>
    </message>
    <message>
        <source>the true mass {mass} is negative</source>
        <translation>真实质量 {mass} 为负数</translation>
    </message>
    <message>
        <source>event {event} ({kind}) is accounted in its loan: its mass cannot be corrected here (give only a reason)</source>
        <translation>事件 {event}（{kind}）已计入其借用：此处不能更正其质量（只填写原因）</translation>
    </message>
    <message>
        <source>event {event} ({kind}) states no mass of a sample, so a mass cannot be corrected (give only a reason)</source>
        <translation>事件 {event}（{kind}）没有记录样品质量，因此不能更正质量（只填写原因）</translation>
    </message>
    <message>
        <source>correcting event {event} to {mass} would leave {number} with {left}: impossible</source>
        <translation>将事件 {event} 更正为 {mass} 会使 {number} 剩余 {left}：这不可能</translation>
    </message>
    <message>
        <source>the mass of {number} was accounted to a loan at event {event} ({kind}), after the corrected event: the loan&apos;s masses cannot shift</source>
        <translation>{number} 的质量已在被更正的事件之后的事件 {event}（{kind}）中计入借用：借用的质量不能变动</translation>
    </message>
    <message>
        <source>the correction would leave {number} with {left} at event {event} ({kind}): that later state could not have happened</source>
        <translation>该更正会使 {number} 在事件 {event}（{kind}）时剩余 {left}：之后的这一状态不可能发生</translation>
    </message>
    <message>
        <source>allocation {reference} asks for pristine material; {number} is {condition} (since event {event})</source>
        <translation>分配 {reference} 只要原始样品；{number} 为{condition}（自事件 {event} 起）</translation>
    </message>
    <message>
        <source>no location {code} (give its path or scan its barcode)</source>
        <translation>没有位置 {code}（请填写其路径或扫描其条码）</translation>
    </message>
    <message>
        <source>a {kind} must be inside another location</source>
        <translation>{kind}必须位于另一个位置之内</translation>
    </message>
    <message>
        <source>{path} is retired: nothing new goes into it</source>
        <translation>{path} 已停用：不能再放入任何东西</translation>
    </message>
    <message>
        <source>a {kind} cannot be inside a {parent_kind}</source>
        <translation>{kind}不能位于{parent_kind}之内</translation>
    </message>
    <message>
        <source>a {kind} holds no grid of positions (shelves, racks and cabinets do)</source>
        <translation>{kind}没有库位网格（层架、样品架和柜才有）</translation>
    </message>
    <message>
        <source>{what} is already retired</source>
        <translation>{what} 已停用</translation>
    </message>
    <message>
        <source>{path} is not empty: container {barcode} stands at {position} ({count} in all); move them out first</source>
        <translation>{path} 不是空的：容器 {barcode} 在 {position}（共 {count} 个）；请先将它们移出</translation>
    </message>
    <message>
        <source>{path} has no free position</source>
        <translation>{path} 没有空闲库位</translation>
    </message>
    <message>
        <source>no free position for {barcode}: {where} is full; say where it goes</source>
        <translation>没有可放 {barcode} 的空闲库位：{where} 已满；请指定存放位置</translation>
    </message>
    <message>
        <source>a position needs a container: name the container the sample is received in</source>
        <translation>库位需要容器：请填写接收样品所用的容器</translation>
    </message>
    <message>
        <source>a position needs a container (Container column)</source>
        <translation>指定库位须同时指定容器（容器列）</translation>
    </message>
    <message>
        <source>container {barcode} is also on row {first}: one sample per container, unless it is a box</source>
        <translation>容器 {barcode} 也出现在第 {first} 行：每个容器只放一个样品，盒除外</translation>
    </message>
    <message>
        <source>no {what} {value}</source>
        <translation>没有{what} {value}</translation>
    </message>
    <message>
        <source>{what} is longer than {limit} characters</source>
        <translation>{what}超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>no operator called {name}</source>
        <translation>没有名为 {name} 的操作员</translation>
    </message>
    <message>
        <source>operator {name} is retired and cannot sign new events</source>
        <translation>操作员 {name} 已停用，不能再签署新事件</translation>
    </message>
    <message>
        <source>an operator called {name} already exists</source>
        <translation>名为 {name} 的操作员已存在</translation>
    </message>
    <message>
        <source>only the first operator registers itself: an admin adds the others</source>
        <translation>只有第一位操作员可自行登记：其他操作员须由管理员添加</translation>
    </message>
    <message>
        <source>{name} is the last admin: add another admin before retiring them</source>
        <translation>{name} 是最后一位管理员：请先添加另一位管理员再停用</translation>
    </message>
    <message>
        <source>{name} is not locked</source>
        <translation>{name} 未被锁定</translation>
    </message>
    <message>
        <source>institution {name} already exists</source>
        <translation>借用单位 {name} 已存在</translation>
    </message>
    <message>
        <source>{name} looks like {similar}, already listed: the same borrower? Save it only if it is another institution</source>
        <translation>{name} 与已列出的 {similar} 相似：是同一借用单位吗？只有确为另一单位时才保存</translation>
    </message>
    <message>
        <source>nothing to change: {name} already reads so</source>
        <translation>没有要更改的内容：{name} 已是如此</translation>
    </message>
    <message>
        <source>{name} is already listed at {institution}</source>
        <translation>{name} 已列在 {institution} 下</translation>
    </message>
    <message>
        <source>no investigator {name} at {institution}</source>
        <translation>{institution} 没有项目负责人 {name}</translation>
    </message>
    <message>
        <source>{code} is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, JP)</source>
        <translation>{code} 不是 ISO 3166-1 二位字母国家/地区代码（例如 FR、DE、JP）</translation>
    </message>
    <message>
        <source>{what} {code} holds no sample</source>
        <translation>{what} {code} 中没有样品</translation>
    </message>
    <message>
        <source>{what} {code} holds {count} samples: scan the sample itself</source>
        <translation>{what} {code} 中有 {count} 个样品：请扫描样品本身</translation>
    </message>
    <message>
        <source>{mission} returned {returned}; {received} is already received, so {adding} more would exceed it</source>
        <translation>任务 {mission} 带回 {returned}；已接收 {received}，再加 {adding} 将超出</translation>
    </message>
    <message>
        <source>a split needs at least one child</source>
        <translation>分样至少需要一个子样</translation>
    </message>
    <message>
        <source>every child needs a mass above zero and the loss cannot be negative</source>
        <translation>每个子样的质量都必须大于零，损耗不能为负数</translation>
    </message>
    <message>
        <source>two children of the split have the same number</source>
        <translation>分样中有两个子样编号相同</translation>
    </message>
    <message>
        <source>the end is before the start</source>
        <translation>结束时间早于开始时间</translation>
    </message>
    <message>
        <source>say what went out of range</source>
        <translation>请说明哪项超出范围</translation>
    </message>
    <message>
        <source>an excursion is recorded as an excursion, not as {kind}</source>
        <translation>环境异常须登记为环境异常，而不是{kind}</translation>
    </message>
    <message>
        <source>{name} is larger than {mb} MB</source>
        <translation>{name} 大于 {mb} MB</translation>
    </message>
    <message>
        <source>cannot read {path}: {detail}</source>
        <translation>无法读取 {path}：{detail}</translation>
    </message>
    <message>
        <source>{name} is not a JPEG, PNG or TIFF image</source>
        <translation>{name} 不是 JPEG、PNG 或 TIFF 图像</translation>
    </message>
    <message>
        <source>the photo folder must be a full path that every desk reaches, not {path}</source>
        <translation>照片文件夹必须是每台工作站都能访问的完整路径，而不是 {path}</translation>
    </message>
    <message>
        <source>images are already kept there</source>
        <translation>图像已保存在该处</translation>
    </message>
    <message>
        <source>cannot write into the photo folder {path}: {detail}</source>
        <translation>无法写入照片文件夹 {path}：{detail}</translation>
    </message>
    <message>
        <source>image {image} is missing or altered</source>
        <translation>图像 {image} 缺失或已被改动</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (a scanner&apos;s file holds one code a line)</source>
        <translation>{name} 不是 UTF-8 文本（扫描器文件每行一个编码）</translation>
    </message>
    <message>
        <source>the same barcode is given twice</source>
        <translation>同一条码填写了两次</translation>
    </message>
    <message>
        <source>a container with barcode {barcode} already exists</source>
        <translation>条码为 {barcode} 的容器已存在</translation>
    </message>
    <message>
        <source>container {barcode} still holds {numbers}: empty it first</source>
        <translation>容器 {barcode} 中仍有 {numbers}：请先清空</translation>
    </message>
    <message>
        <source>container {barcode} is retired</source>
        <translation>容器 {barcode} 已停用</translation>
    </message>
    <message>
        <source>{kind} {barcode} already holds {number}: one sample per container, unless it is a box</source>
        <translation>{kind} {barcode} 中已有 {number}：每个容器只放一个样品（盒子除外）</translation>
    </message>
    <message>
        <source>grid {grid} is not rows x columns, e.g. 4x6</source>
        <translation>网格 {grid} 不是“行x列”的格式，例如 4x6</translation>
    </message>
    <message>
        <source>grid {grid}: rows and columns must each be between 1 and {most}</source>
        <translation>网格 {grid}：行数和列数都必须在 1 到 {most} 之间</translation>
    </message>
    <message>
        <source>a batch holds 1 to {most} codes ({count} asked)</source>
        <translation>一批可有 1 到 {most} 个编码（要求了 {count} 个）</translation>
    </message>
    <message>
        <source>{where}: the database is busy: another desk kept it locked too long; try again ({detail})</source>
        <translation>{where}：数据库忙：另一台工作站锁定时间过长；请重试（{detail}）</translation>
    </message>
    <message>
        <source>{where}: the disk is full: nothing was saved; free some space and try again ({detail})</source>
        <translation>{where}：磁盘已满：未保存任何内容；请释放空间后重试（{detail}）</translation>
    </message>
    <message>
        <source>{where}: the database file is read-only: nothing can be saved (check the file&apos;s permissions)</source>
        <translation>{where}：数据库文件为只读：无法保存任何内容（请检查文件权限）</translation>
    </message>
    <message>
        <source>{where}: the database file is damaged: restore it from a backup ({detail})</source>
        <translation>{where}：数据库文件已损坏：请从备份恢复（{detail}）</translation>
    </message>
    <message>
        <source>{where}: the database file cannot be opened (check that it exists and may be read)</source>
        <translation>{where}：无法打开数据库文件（请检查它是否存在且可读）</translation>
    </message>
    <message>
        <source>{where}: the disk could not be read or written: nothing was saved ({detail})</source>
        <translation>{where}：无法读写磁盘：未保存任何内容（{detail}）</translation>
    </message>
    <message>
        <source>{where}: database error: {detail}</source>
        <translation>{where}：数据库错误：{detail}</translation>
    </message>
    <message>
        <source>cannot use database URL {url}: {detail}</source>
        <translation>无法使用数据库地址 {url}：{detail}</translation>
    </message>
    <message>
        <source>the database file {path} is gone (deleted or moved): nothing can be saved or read until it is back</source>
        <translation>数据库文件 {path} 不见了（已删除或移走）：在它恢复之前无法保存或读取任何内容</translation>
    </message>
    <message>
        <source>the database file {path} cannot be reached ({detail})</source>
        <translation>无法访问数据库文件 {path}（{detail}）</translation>
    </message>
    <message>
        <source>the database file {path} was replaced by another file while it was open: nothing can be saved; restart the desk to open the new file</source>
        <translation>数据库文件 {path} 在打开期间被另一个文件替换：无法保存任何内容；请重启工作站以打开新文件</translation>
    </message>
    <message>
        <source>the database file {path} cannot be read (check the file&apos;s permissions)</source>
        <translation>无法读取数据库文件 {path}（请检查文件权限）</translation>
    </message>
    <message>
        <source>the database file {path} is read-only: nothing can be saved (check the file&apos;s permissions)</source>
        <translation>数据库文件 {path} 为只读：无法保存任何内容（请检查文件权限）</translation>
    </message>
    <message>
        <source>no database at {path}</source>
        <translation>{path} 处没有数据库</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>cannot create the database file {path}: {detail}</source>
        <translation>无法创建数据库文件 {path}：{detail}</translation>
    </message>
    <message>
        <source>{name} is not a Curator database; it was left untouched</source>
        <translation>{name} 不是 Curator 数据库；未作任何改动</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of Curator (schema {revision}); update Curator to open it. The file was left untouched.</source>
        <translation>{name} 由更新版本的 Curator 写入（数据库结构 {revision}）；请升级 Curator 后再打开。文件未作任何改动。</translation>
    </message>
    <message>
        <source>you stopped waiting for the database: nothing was recorded</source>
        <translation>您已停止等待数据库：未登记任何内容</translation>
    </message>
    <message>
        <source>the record was changed by someone else in the meantime: reload it</source>
        <translation>该记录在此期间已被他人更改：请重新加载</translation>
    </message>
    <message>
        <source>lost the connection to {where}, or cannot reach it ({detail}): nothing half-done was saved; try again (Curator reconnects by itself)</source>
        <translation>与 {where} 的连接已断开或无法连接（{detail}）：未保存任何未完成的内容；请重试（Curator 会自动重新连接）</translation>
    </message>
    <message>
        <source>the connection to {where} was lost while saving ({detail}): the change may or may not have been saved; look before doing it again</source>
        <translation>保存时与 {where} 的连接断开（{detail}）：更改可能已保存，也可能未保存；请先查看再重做</translation>
    </message>
    <message>
        <source>lost the server&apos;s notifications ({detail})</source>
        <translation>与服务器的通知连接已断开（{detail}）</translation>
    </message>
    <message>
        <source>the balance gave no stable value within {seconds} s (last {last}, moving): shield it from draught and vibration, then read again</source>
        <translation>天平在 {seconds} 秒内没有给出稳定读数（最后为 {last}，仍在变动）：请避开气流和振动后重新读取</translation>
    </message>
    <message>
        <source>reading the balance was cancelled</source>
        <translation>已取消读取天平</translation>
    </message>
    <message>
        <source>the balance reads {value}, below zero: take the sample off, zero the empty balance (or tare the empty container), then weigh again</source>
        <translation>天平读数为 {value}，低于零：请取下样品，将空天平清零（或对空容器去皮）后重新称重</translation>
    </message>
    <message>
        <source>lost the balance at {where}: {detail}</source>
        <translation>与 {where} 处天平的连接已断开：{detail}</translation>
    </message>
    <message>
        <source>the balance at {where} did not answer within {seconds} s: is it on, connected, and set to this protocol, baud rate and framing?</source>
        <translation>{where} 处的天平在 {seconds} 秒内没有应答：它是否已开机、已连接，并设为此协议、波特率和帧格式？</translation>
    </message>
    <message>
        <source>cannot open the balance at {where}: {detail}</source>
        <translation>无法打开 {where} 处的天平：{detail}</translation>
    </message>
    <message>
        <source>the balance did not understand the command (ES, syntax error): is it set to MT-SICS?</source>
        <translation>天平无法理解命令（ES，语法错误）：它是否设为 MT-SICS？</translation>
    </message>
    <message>
        <source>the balance received a garbled command (ET, transmission error): check the baud rate and framing</source>
        <translation>天平收到的命令有误（ET，传输错误）：请检查波特率和帧格式</translation>
    </message>
    <message>
        <source>the balance cannot do that now (EL, logical error)</source>
        <translation>天平现在无法执行此操作（EL，逻辑错误）</translation>
    </message>
    <message>
        <source>the balance sent an empty line</source>
        <translation>天平发送了空行</translation>
    </message>
    <message>
        <source>the balance sent {line} where a {header} reply was due: is it set to MT-SICS?</source>
        <translation>天平发送了 {line}，而应答应为 {header}：它是否设为 MT-SICS？</translation>
    </message>
    <message>
        <source>the balance is overloaded ({line}): take the load off the pan</source>
        <translation>天平超载（{line}）：请从秤盘上取下负载</translation>
    </message>
    <message>
        <source>the balance reads below its range ({line}, underload): is the pan in place? Zero it empty</source>
        <translation>天平读数低于量程（{line}，欠载）：秤盘是否放好？请在空载时清零</translation>
    </message>
    <message>
        <source>the balance is busy and cannot answer now ({line}): try again</source>
        <translation>天平正忙，暂时无法应答（{line}）：请重试</translation>
    </message>
    <message>
        <source>the balance reports error {error} ({line}): see its manual</source>
        <translation>天平报告错误 {error}（{line}）：请查阅其说明书</translation>
    </message>
    <message>
        <source>the balance sent {line}, which holds no value Curator can read</source>
        <translation>天平发送了 {line}，其中没有 Curator 能读取的数值</translation>
    </message>
    <message>
        <source>the balance shows {unit}, not a mass in g or mg: set its unit to g (reply {line})</source>
        <translation>天平显示的单位为 {unit}，不是 g 或 mg 的质量：请将其单位设为 g（应答 {line}）</translation>
    </message>
    <message>
        <source>the balance reads {value}, finer than one microgram, which Curator cannot store exactly: set it to a resolution of 1 µg or coarser</source>
        <translation>天平读数为 {value}，精度超过一微克，Curator 无法精确保存：请将其分辨率设为 1 µg 或更粗</translation>
    </message>
    <message>
        <source>the label printer at {where} did not take the job within {seconds} s; nothing was printed</source>
        <translation>{where} 处的标签打印机在 {seconds} 秒内没有接收任务；未打印任何内容</translation>
    </message>
    <message>
        <source>the label printer at {where} refused the connection (is it on, and is this its address?); nothing was printed</source>
        <translation>{where} 处的标签打印机拒绝连接（它是否已开机，地址是否正确？）；未打印任何内容</translation>
    </message>
    <message>
        <source>cannot reach the label printer at {where}: {detail}; nothing was printed</source>
        <translation>无法连接 {where} 处的标签打印机：{detail}；未打印任何内容</translation>
    </message>
    <message>
        <source>{uri} is not an instrument address (schemes: {schemes})</source>
        <translation>{uri} 不是仪器地址（可用格式：{schemes}）</translation>
    </message>
    <message>
        <source>{uri}: {detail}</source>
        <translation>{uri}：{detail}</translation>
    </message>
    <message>
        <source>{uri}: {setting} is not one of {known}</source>
        <translation>{uri}：{setting} 不在可选项中（可选：{known}）</translation>
    </message>
    <message>
        <source>{uri}: unknown setting {setting} (known: {known})</source>
        <translation>{uri}：未知设置 {setting}（可用：{known}）</translation>
    </message>
    <message>
        <source>{uri}: a TCP balance is {form}</source>
        <translation>{uri}：TCP 天平的地址格式为 {form}</translation>
    </message>
    <message>
        <source>{uri}: name the serial port, e.g. {form} (a balance on the network is {tcp})</source>
        <translation>{uri}：请填写串口，例如 {form}（网络天平为 {tcp}）</translation>
    </message>
    <message>
        <source>{uri}: a network printer is {scheme}://HOST:9100, a local one {scheme}:///dev/usb/lp0</source>
        <translation>{uri}：网络打印机为 {scheme}://HOST:9100，本地打印机为 {scheme}:///dev/usb/lp0</translation>
    </message>
    <message>
        <source>nothing to edit: give a due date, a mass, an institution, a PI or a purpose</source>
        <translation>没有要修改的内容：请填写归还期限、质量、借用单位、项目负责人或用途</translation>
    </message>
    <message>
        <source>an allocation needs a principal investigator</source>
        <translation>分配必须有项目负责人</translation>
    </message>
    <message>
        <source>an allocation needs a reference and a principal investigator</source>
        <translation>分配必须有编号和项目负责人</translation>
    </message>
    <message>
        <source>an allocation needs a mass above zero</source>
        <translation>分配的质量必须大于零</translation>
    </message>
    <message>
        <source>allocation {reference} has {prepared} prepared; {mass} is less</source>
        <translation>分配 {reference} 已备样 {prepared}；{mass} 比它少</translation>
    </message>
    <message>
        <source>cannot change the mass or borrower of allocation {reference}: it is {status}</source>
        <translation>无法更改分配 {reference} 的质量或借用单位：其状态为{status}</translation>
    </message>
    <message>
        <source>allocation {reference} already has these terms</source>
        <translation>分配 {reference} 已是这些条款</translation>
    </message>
    <message>
        <source>allocation {reference} is due {due}: an extension moves it later, {date} is not</source>
        <translation>分配 {reference} 的归还期限为 {due}：延期只能推后，{date} 并不晚于它</translation>
    </message>
    <message>
        <source>allocation {reference} was changed by someone else since you opened it: reload it</source>
        <translation>分配 {reference} 在您打开后已被他人更改：请重新加载</translation>
    </message>
    <message>
        <source>allocation {reference} already exists</source>
        <translation>分配 {reference} 已存在</translation>
    </message>
    <message>
        <source>cannot {action} allocation {reference}: it is {status}</source>
        <translation>无法{action}分配 {reference}：其状态为{status}</translation>
    </message>
    <message>
        <source>{number} is from {mission}, not {wanted}</source>
        <translation>{number} 属于任务 {mission}，不是 {wanted}</translation>
    </message>
    <message>
        <source>{number} left with {left}; {back} back and {consumed} consumed make {total}</source>
        <translation>{number} 借出 {left}；归还 {back} 加消耗 {consumed} 共 {total}</translation>
    </message>
    <message>
        <source>{number} left with {left}; {consumed} cannot have been consumed</source>
        <translation>{number} 借出 {left}；不可能消耗了 {consumed}</translation>
    </message>
    <message>
        <source>{name} has an overdue loan ({reference}, due {due}): a curator must override with a reason</source>
        <translation>{name} 有逾期借用（{reference}，归还期限 {due}）：须由样品管理员填写原因后放行</translation>
    </message>
    <message>
        <source>{name} has not confirmed its {year} inventory of {reference} (due {due}, more than {days} days late): a curator must override with a reason</source>
        <translation>{name} 尚未确认 {reference} 的 {year} 年度清点（期限 {due}，已逾期 {days} 天以上）：须由样品管理员填写原因后放行</translation>
    </message>
    <message>
        <source>allocation {reference} has no splits to hand over: scan or prepare some</source>
        <translation>分配 {reference} 没有可交接的子样：请扫描或备样</translation>
    </message>
    <message>
        <source>allocation {reference} asks {mass} but only {available} of {mission} is available ({held} held, {reserved} reserved by approved allocations)</source>
        <translation>分配 {reference} 申请 {mass}，但任务 {mission} 只有 {available} 可用（库存 {held}，已批准的分配预留 {reserved}）</translation>
    </message>
    <message>
        <source>due date {due} is before the request ({requested})</source>
        <translation>归还期限 {due} 早于申请日期（{requested}）</translation>
    </message>
    <message>
        <source>due date {due} is more than {years} years out (latest {latest})</source>
        <translation>归还期限 {due} 超过 {years} 年（最晚 {latest}）</translation>
    </message>
    <message>
        <source>{year} is not a year of lunar sample loans</source>
        <translation>{year} 不是月球样品借用的年份</translation>
    </message>
    <message>
        <source>{year} is not a year whose inventory can be confirmed</source>
        <translation>{year} 年的清点无法确认</translation>
    </message>
    <message>
        <source>no allocation or borrower called {code}</source>
        <translation>没有名为 {code} 的分配或借用单位</translation>
    </message>
    <message>
        <source>{name} held no material at the end of {year}</source>
        <translation>{name} 在 {year} 年末未持有任何样品</translation>
    </message>
    <message>
        <source>the inventory of {reference} says nothing about {numbers}</source>
        <translation>{reference} 的清点没有提到 {numbers}</translation>
    </message>
    <message>
        <source>allocation {reference} is {status}: only a loan out has an inventory to confirm</source>
        <translation>分配 {reference} 的状态为{status}：只有借出中的借用才需确认清点</translation>
    </message>
    <message>
        <source>{number}: held {held} + consumed {consumed} + returned {returned} is {total}, not the {out} handed over</source>
        <translation>{number}：持有 {held} + 消耗 {consumed} + 归还 {returned} 共 {total}，不等于交接的 {out}</translation>
    </message>
    <message>
        <source>the {year} inventory of {reference} was confirmed on {date}</source>
        <translation>{reference} 的 {year} 年度清点已于 {date} 确认</translation>
    </message>
    <message>
        <source>{reference} was handed over after {year}: no {year} inventory</source>
        <translation>{reference} 在 {year} 年之后才交接：没有 {year} 年度清点</translation>
    </message>
    <message>
        <source>{text} is not a DOI (10.NNNN/suffix, e.g. 10.1038/s41586-021-04100-2)</source>
        <translation>{text} 不是 DOI（格式 10.NNNN/后缀，例如 10.1038/s41586-021-04100-2）</translation>
    </message>
    <message>
        <source>give a result&apos;s DOI, or say that the results are complete</source>
        <translation>请填写成果的 DOI，或说明成果已全部提交</translation>
    </message>
    <message>
        <source>allocation {reference} is {status}: results come from material handed over</source>
        <translation>分配 {reference} 的状态为{status}：成果只来自已交接的样品</translation>
    </message>
    <message>
        <source>{doi} is already recorded for {reference}</source>
        <translation>{doi} 已为 {reference} 登记过</translation>
    </message>
    <message>
        <source>a split treated in some way cannot also be untreated (&quot;none&quot;)</source>
        <translation>经过某种处理的子样不能同时标为未处理（“none”）</translation>
    </message>
    <message>
        <source>allocation {reference} has no split back or used up yet: there is no return to put on a form</source>
        <translation>分配 {reference} 尚无已归还或已消耗的子样：没有可填入归还单的内容</translation>
    </message>
    <message>
        <source>no split of {reference} was scanned back</source>
        <translation>未扫描到 {reference} 的任何归还子样</translation>
    </message>
    <message>
        <source>a split is listed twice</source>
        <translation>有子样列出了两次</translation>
    </message>
    <message>
        <source>{number} is scanned twice</source>
        <translation>{number} 扫描了两次</translation>
    </message>
    <message>
        <source>{name} has nothing to be reminded of on {date}</source>
        <translation>{name} 在 {date} 没有需要提醒的事项</translation>
    </message>
    <message>
        <source>unknown mission {mission}</source>
        <translation>未知任务 {mission}</translation>
    </message>
    <message>
        <source>all missions at once needs a Mission column in the file</source>
        <translation>同时导入全部任务时，文件中必须有“任务”（Mission）列</translation>
    </message>
    <message>
        <source>no mission given (empty Mission cell)</source>
        <translation>未填写任务（任务单元格为空）</translation>
    </message>
    <message>
        <source>missing ID (sample number)</source>
        <translation>缺少编号（样品编号）</translation>
    </message>
    <message>
        <source>ID {start}... is longer than {most} characters</source>
        <translation>编号 {start}... 超过 {most} 个字符</translation>
    </message>
    <message>
        <source>duplicate ID {number} (also on row {first})</source>
        <translation>编号 {number} 重复（第 {first} 行也有）</translation>
    </message>
    <message>
        <source>sample {number} already exists</source>
        <translation>样品 {number} 已存在</translation>
    </message>
    <message>
        <source>ID {number} is already used by a sample, container or location in the database</source>
        <translation>编号 {number} 已被数据库中的样品、容器或位置使用</translation>
    </message>
    <message>
        <source>unknown kind {value}</source>
        <translation>未知类型 {value}</translation>
    </message>
    <message>
        <source>missing kind (type)</source>
        <translation>缺少类型</translation>
    </message>
    <message>
        <source>missing mass</source>
        <translation>缺少质量</translation>
    </message>
    <message>
        <source>mass {raw} has no unit: name it in the header, e.g. Weight (g), or the cell</source>
        <translation>质量 {raw} 没有单位：请在表头（例如 Weight (g)）或单元格中注明</translation>
    </message>
    <message>
        <source>mass {mass} is more than {mission} returned ({returned})</source>
        <translation>质量 {mass} 超过任务 {mission} 带回的总量（{returned}）</translation>
    </message>
    <message>
        <source>unknown sampling {value} (scooped or drilled)</source>
        <translation>未知采样方式 {value}（表取或钻取）</translation>
    </message>
    <message>
        <source>unknown parent {parent}: not in the file nor in the database</source>
        <translation>未知母样 {parent}：文件和数据库中都没有</translation>
    </message>
    <message>
        <source>parent {parent} is {status}: a split cannot take mass from it now</source>
        <translation>母样 {parent} 的状态为{status}：现在不能从中分样</translation>
    </message>
    <message>
        <source>kind {kind} differs from the kind {parent_kind} of its parent {parent} (a split keeps its parent&apos;s kind)</source>
        <translation>类型 {kind} 与其母样 {parent} 的类型 {parent_kind} 不同（子样保持母样的类型）</translation>
    </message>
    <message>
        <source>children of {parent} in the file take {total} by this row, more than {parent} holds ({holds})</source>
        <translation>到本行为止，文件中 {parent} 的子样共取 {total}，超过 {parent} 的现有质量（{holds}）</translation>
    </message>
    <message>
        <source>{mission} returned {returned}; primary samples would hold {total} by this row</source>
        <translation>任务 {mission} 带回 {returned}；到本行为止，原始样品将达 {total}</translation>
    </message>
    <message>
        <source>{number} changed meanwhile (now {mass}, {status}): nothing imported</source>
        <translation>{number} 在此期间已有变动（现为 {mass}，{status}）：未导入任何内容</translation>
    </message>
    <message>
        <source>row {row}: the parents of {number} form a loop</source>
        <translation>第 {row} 行：{number} 的母样关系形成循环</translation>
    </message>
    <message>
        <source>{count} bad row(s) in {source}: nothing imported</source>
        <translation>{source} 中有 {count} 行有误：未导入任何内容</translation>
    </message>
    <message>
        <source>sample {number} was added meanwhile: nothing imported</source>
        <translation>样品 {number} 在此期间已被添加：未导入任何内容</translation>
    </message>
    <message>
        <source>import cancelled: nothing was imported</source>
        <translation>导入已取消：未导入任何内容</translation>
    </message>
    <message>
        <source>no file {path}</source>
        <translation>没有文件 {path}</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name} 是空的</translation>
    </message>
    <message>
        <source>{name}: a catalogue must be an .xlsx or a .csv file</source>
        <translation>{name}：样品目录必须是 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>{name}: no header row with columns for {columns} in its first {rows} rows</source>
        <translation>{name}：前 {rows} 行中没有包含 {columns} 列的表头行</translation>
    </message>
    <message>
        <source>{name}: no column for {missing} (headers on row {row}: {headers})</source>
        <translation>{name}：没有 {missing} 列（第 {row} 行的表头：{headers}）</translation>
    </message>
    <message>
        <source>{name}: row {row} cannot be read as CSV: {detail}</source>
        <translation>{name}：第 {row} 行无法按 CSV 读取：{detail}</translation>
    </message>
    <message>
        <source>{name} cannot be read as an .xlsx workbook: {detail}</source>
        <translation>{name} 无法作为 .xlsx 工作簿读取：{detail}</translation>
    </message>
    <message>
        <source>{name} would unpack to {unpacked} bytes from {size}: refused unread (a workbook may unpack to at most {ratio} times its size and {mb} MB)</source>
        <translation>{name} 将从 {size} 字节解压为 {unpacked} 字节：拒绝读取（工作簿解压后最多为其大小的 {ratio} 倍且不超过 {mb} MB）</translation>
    </message>
    <message>
        <source>unknown encoding {value} (e.g. utf-8, utf-16, gb18030, gbk, cp1252)</source>
        <translation>未知编码 {value}（例如 utf-8、utf-16、gb18030、gbk、cp1252）</translation>
    </message>
    <message>
        <source>{name}: the byte at offset {offset} cannot be read: the file is not UTF-8, UTF-16 or GB18030 text; choose its encoding</source>
        <translation>{name}：偏移 {offset} 处的字节无法读取：该文件不是 UTF-8、UTF-16 或 GB18030 文本；请选择其编码</translation>
    </message>
    <message>
        <source>{name}: the byte at offset {offset} is not valid {codec} text</source>
        <translation>{name}：偏移 {offset} 处的字节不是有效的 {codec} 文本</translation>
    </message>
    <message>
        <source>{name}: the byte at offset {offset} is not text (UTF-16 without a byte order mark?)</source>
        <translation>{name}：偏移 {offset} 处的字节不是文本（可能是没有字节顺序标记的 UTF-16？）</translation>
    </message>
    <message>
        <source>{what} is empty</source>
        <translation>{what}为空</translation>
    </message>
    <message>
        <source>{what} {value} contains an invisible or control character: retype it</source>
        <translation>{what} {value} 含有不可见字符或控制字符：请重新输入</translation>
    </message>
    <message>
        <source>{what} {value} contains {letter}, which looks like a Latin letter: type it with Latin letters</source>
        <translation>{what} {value} 含有 {letter}，它看起来像拉丁字母：请用拉丁字母输入</translation>
    </message>
    <message>
        <source>location name {value} mixes Latin letters with {letter}: type it in one script</source>
        <translation>位置名称 {value} 混用了拉丁字母和 {letter}：请只用一种文字输入</translation>
    </message>
    <message>
        <source>{what} {value} is already used by {holder_kind} {holder}: sample numbers, barcodes and location paths must all differ</source>
        <translation>{what} {value} 已被{holder_kind} {holder} 使用：样品编号、条码和位置路径必须互不相同</translation>
    </message>
    <message>
        <source>operator name {value} looks the same as the existing operator {existing} (they differ only by lookalike or invisible characters)</source>
        <translation>操作员姓名 {value} 看起来与现有操作员 {existing} 相同（仅有形似字符或不可见字符的差别）</translation>
    </message>
    <message>
        <source>cannot write {path}: it came out incomplete (is the disk full?); nothing was written</source>
        <translation>无法写入 {path}：文件不完整（磁盘已满？）；未写入任何内容</translation>
    </message>
    <message>
        <source>{path} belongs to a database: an output never replaces it</source>
        <translation>{path} 属于数据库：输出文件绝不会替换它</translation>
    </message>
    <message>
        <source>{path} is a folder: choose a file name</source>
        <translation>{path} 是文件夹：请选择文件名</translation>
    </message>
    <message>
        <source>{path} already exists: choose another name</source>
        <translation>{path} 已存在：请另选文件名</translation>
    </message>
    <message>
        <source>cannot write {path}: the disk is full; nothing was written</source>
        <translation>无法写入 {path}：磁盘已满；未写入任何内容</translation>
    </message>
    <message>
        <source>cannot write {path}: {detail}; nothing was written</source>
        <translation>无法写入 {path}：{detail}；未写入任何内容</translation>
    </message>
    <message>
        <source>export cancelled; no file was written</source>
        <translation>导出已取消；未写入任何文件</translation>
    </message>
    <message>
        <source>verification cancelled before the end of the chain</source>
        <translation>校验在监管链结束前已取消</translation>
    </message>
    <message>
        <source>a Code 128 barcode needs some text</source>
        <translation>Code 128 条码需要内容</translation>
    </message>
    <message>
        <source>Code 128 (set B) cannot carry {character}</source>
        <translation>Code 128（B 字符集）无法表示 {character}</translation>
    </message>
    <message>
        <source>name at least one sample number or container barcode (no empty ones)</source>
        <translation>请至少填写一个样品编号或容器条码（不能为空）</translation>
    </message>
    <message>
        <source>label template {name} is malformed: {detail}</source>
        <translation>标签模板 {name} 格式有误：{detail}</translation>
    </message>
    <message>
        <source>{name} is not an inventory statement written by Curator, filled in</source>
        <translation>{name} 不是由 Curator 生成并填写的清点表</translation>
    </message>
    <message>
        <source>{where}: {detail}</source>
        <translation>{where}：{detail}</translation>
    </message>
    <message>
        <source>{where}: the mass held now is empty (write 0 if nothing is left)</source>
        <translation>{where}：现持有质量为空（若已无剩余请填 0）</translation>
    </message>
    <message>
        <source>{name}: the year {year} is not a year</source>
        <translation>{name}：年份 {year} 不是有效年份</translation>
    </message>
    <message>
        <source>cannot back up to {path}: {detail}</source>
        <translation>无法备份到 {path}：{detail}</translation>
    </message>
    <message>
        <source>{what} contains a NUL character, which cannot be stored</source>
        <translation>{what}含有 NUL 字符，无法保存</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Reminder to {institution}</source>
        <translation>致 {institution} 的提醒</translation>
    </message>
    <message>
        <source>&amp;Copy e-mail text</source>
        <translation>复制邮件正文(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation>记为已发送</translation>
    </message>
    <message>
        <source>Nothing to remind this borrower of</source>
        <translation>此借用单位没有需要提醒的事项</translation>
    </message>
    <message>
        <source>The e-mail text is on the clipboard.</source>
        <translation>邮件正文已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save the reminder letter as PDF</source>
        <translation>将提醒函保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the PDF: {error}</source>
        <translation>无法写入 PDF：{error}</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
    <message>
        <source>reminder to {institution} recorded as sent</source>
        <translation>致 {institution} 的提醒已记为已发送</translation>
    </message>
</context>
<context>
    <name>RenameLocationDialog</name>
    <message>
        <source>Rename {place}</source>
        <translation>重命名 {place}</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>give the new name</source>
        <translation>请填写新名称</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>没有任何更改</translation>
    </message>
    <message>
        <source>renamed to {path}</source>
        <translation>已重命名为 {path}</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Results of {reference}</source>
        <translation>{reference} 的成果</translation>
    </message>
    <message>
        <source>e.g. 10.1038/s41586-021-04100-2</source>
        <translation>例如 10.1038/s41586-021-04100-2</translation>
    </message>
    <message>
        <source>The results of this loan are all in</source>
        <translation>此次借用的成果已全部提交</translation>
    </message>
    <message>
        <source>DOI:</source>
        <translation>DOI：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Recorded:</source>
        <translation>已登记：</translation>
    </message>
    <message>
        <source>This loan is closed: its material is back or used up and its results are in.</source>
        <translation>此次借用已结束：样品均已归还或消耗，成果已全部提交。</translation>
    </message>
    <message>
        <source>This loan stays open until its material is back or used up and its results are in.</source>
        <translation>样品全部归还或消耗且成果全部提交之前，此次借用保持未结束。</translation>
    </message>
    <message>
        <source>not a DOI: write it as 10.NNNN/suffix</source>
        <translation>不是 DOI：请写成 10.NNNN/后缀</translation>
    </message>
    <message>
        <source>give a DOI, or tick that the results are all in</source>
        <translation>请填写 DOI，或勾选成果已全部提交</translation>
    </message>
    <message>
        <source>result recorded for {reference}</source>
        <translation>{reference} 的成果已登记</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Record consumption for {reference}</source>
        <translation>为 {reference} 登记消耗</translation>
    </message>
    <message>
        <source>Record a return for {reference}</source>
        <translation>为 {reference} 登记归还</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>子样：</translation>
    </message>
    <message>
        <source>what left less what came back</source>
        <translation>交接质量减去归还质量</translation>
    </message>
    <message>
        <source>Returned mass:</source>
        <translation>归还质量：</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>天平：</translation>
    </message>
    <message>
        <source>Consumed:</source>
        <translation>消耗质量：</translation>
    </message>
    <message>
        <source>Treatment:</source>
        <translation>处理情况：</translation>
    </message>
    <message>
        <source>Back to position:</source>
        <translation>放回库位：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>{number} is not on loan under {reference}</source>
        <translation>{number} 不在 {reference} 的借用中</translation>
    </message>
    <message>
        <source>{number} (left with {mass})</source>
        <translation>{number}（借出 {mass}）</translation>
    </message>
    <message>
        <source>scan the split that came back</source>
        <translation>扫描归还的子样</translation>
    </message>
    <message>
        <source>returned mass: {error}</source>
        <translation>归还质量：{error}</translation>
    </message>
    <message>
        <source>{number} left with {mass}: more cannot come back</source>
        <translation>{number} 借出 {mass}：归还不能超过此数</translation>
    </message>
    <message>
        <source>consumed: {error}</source>
        <translation>消耗质量：{error}</translation>
    </message>
    <message>
        <source>{number} left with {mass}: back and consumed must add up to it</source>
        <translation>{number} 交接时为 {mass}：归还与消耗之和必须等于该质量</translation>
    </message>
    <message>
        <source>say where its container goes back</source>
        <translation>请指定其容器放回的库位</translation>
    </message>
    <message>
        <source>{number} recorded as consumed</source>
        <translation>{number} 已登记为消耗</translation>
    </message>
    <message>
        <source>{number} returned</source>
        <translation>{number} 已归还</translation>
    </message>
</context>
<context>
    <name>ReturnSessionDialog</name>
    <message>
        <source>Returns for {reference}</source>
        <translation>{reference} 的归还</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>子样</translation>
    </message>
    <message>
        <source>Left with</source>
        <translation>借出质量</translation>
    </message>
    <message>
        <source>Weighed back</source>
        <translation>归还称重</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Treatment:</source>
        <translation>处理情况：</translation>
    </message>
    <message>
        <source>Splits:</source>
        <translation>子样：</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>汇总：</translation>
    </message>
    <message>
        <source>what did not come back</source>
        <translation>未归还的部分</translation>
    </message>
    <message>
        <source>Back to position</source>
        <translation>放回库位</translation>
    </message>
    <message>
        <source>Back to position:</source>
        <translation>放回库位：</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>天平：</translation>
    </message>
    <message>
        <source>{number} is not on loan under {reference}</source>
        <translation>{number} 不在 {reference} 的借用中</translation>
    </message>
    <message>
        <source>{number} is already ticked</source>
        <translation>{number} 已勾选</translation>
    </message>
    <message>
        <source>Treatment of {number}:</source>
        <translation>{number} 的处理情况：</translation>
    </message>
    <message>
        <source>{number} back to:</source>
        <translation>{number} 放回：</translation>
    </message>
    <message>
        <source>{number}: {treatment}</source>
        <translation>{number}：{treatment}</translation>
    </message>
    <message>
        <source>{count} of {total} scanned: {back} back, {consumed} consumed; {out} still out</source>
        <translation>已扫描 {count}/{total}：归还 {back}，消耗 {consumed}；仍借出 {out} 个</translation>
    </message>
    <message>
        <source>scan the splits that came back</source>
        <translation>请扫描归还的子样</translation>
    </message>
    <message>
        <source>{number}: {error}</source>
        <translation>{number}：{error}</translation>
    </message>
    <message>
        <source>{number} left with {mass}: more cannot come back</source>
        <translation>{number} 借出时为 {mass}：归还不能更多</translation>
    </message>
    <message>
        <source>{number}: consumed: {error}</source>
        <translation>{number}：消耗：{error}</translation>
    </message>
    <message>
        <source>{number} left with {mass}: back and consumed must add up to it</source>
        <translation>{number} 交接时为 {mass}：归还与消耗之和必须等于该质量</translation>
    </message>
    <message>
        <source>{count} split(s) of {reference} returned</source>
        <translation>{reference} 的 {count} 个子样已归还</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Scan a sample or double-click one in the containers view.</source>
        <translation>扫描样品，或在容器视图中双击样品。</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Mission:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Mass:</source>
        <translation>质量：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>母样：</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Allocation:</source>
        <translation>分配：</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>登记时间：</translation>
    </message>
    <message>
        <source>Genealogy</source>
        <translation>谱系</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Where / borrower</source>
        <translation>位置 / 借用单位</translation>
    </message>
    <message>
        <source>Mass over time</source>
        <translation>质量变化</translation>
    </message>
    <message>
        <source>&amp;Weigh…</source>
        <translation>称重(&amp;W)…</translation>
    </message>
    <message>
        <source>S&amp;plit…</source>
        <translation>分样(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>移位(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>开封(&amp;O)…</translation>
    </message>
    <message>
        <source>Sea&amp;l…</source>
        <translation>密封(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Inspect / note / photo…</source>
        <translation>检查 / 备注 / 拍照(&amp;I)…</translation>
    </message>
    <message>
        <source>Corr&amp;ection…</source>
        <translation>更正(&amp;E)…</translation>
    </message>
    <message>
        <source>Event {id}: {kind}</source>
        <translation>事件 {id}：{kind}</translation>
    </message>
    <message>
        <source>Sample {number}</source>
        <translation>样品 {number}</translation>
    </message>
    <message>
        <source>{barcode} ({kind}, {state})</source>
        <translation>{barcode}（{kind}，{state}）</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>已密封</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已开封</translation>
    </message>
    <message>
        <source>{reference} — {borrower}</source>
        <translation>{reference} — {borrower}</translation>
    </message>
    <message>
        <source>{condition} since event {event}</source>
        <translation>{condition}（自事件 {event} 起）</translation>
    </message>
    <message>
        <source>{status} · {condition}</source>
        <translation>{status} · {condition}</translation>
    </message>
    <message>
        <source>on loan to {borrower}</source>
        <translation>借给 {borrower}</translation>
    </message>
    <message>
        <source>set aside for {borrower}</source>
        <translation>为 {borrower} 预留</translation>
    </message>
    <message>
        <source>Corrections are for curators</source>
        <translation>仅样品管理员可更正</translation>
    </message>
</context>
<context>
    <name>SamplesTableModel</name>
    <message>
        <source>Sample number</source>
        <translation>样品编号</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>保存状况</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan or type a sample number or barcode</source>
        <translation>扫描或输入样品编号或条码</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Curator</source>
        <translation>登录 Curator</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN：</translation>
    </message>
    <message>
        <source>Every event you record is signed with your name.</source>
        <translation>您登记的每个事件都以您的姓名签名。</translation>
    </message>
    <message>
        <source>This database has no operators yet (see `curator operator add --help`).</source>
        <translation>此数据库尚无操作员（见 `curator operator add --help`）。</translation>
    </message>
    <message>
        <source>your PIN or passphrase</source>
        <translation>您的 PIN 或口令</translation>
    </message>
    <message>
        <source>{name} is locked after {count} wrong PINs until {time}; an admin can unlock.</source>
        <translation>{name} 因 {count} 次 PIN 错误已锁定至 {time}；管理员可以解锁。</translation>
    </message>
    <message>
        <source>{name} was unlocked: sign in with your PIN.</source>
        <translation>{name} 已解锁：请用您的 PIN 登录。</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split {number}</source>
        <translation>分样 {number}</translation>
    </message>
    <message>
        <source>Child number</source>
        <translation>子样编号</translation>
    </message>
    <message>
        <source>Mass</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>weigh what is left in the parent</source>
        <translation>称量母样剩余质量</translation>
    </message>
    <message>
        <source>Parent before:</source>
        <translation>母样原质量：</translation>
    </message>
    <message>
        <source>Number of children:</source>
        <translation>子样数量：</translation>
    </message>
    <message>
        <source>Process loss:</source>
        <translation>处理损耗：</translation>
    </message>
    <message>
        <source>Parent remaining:</source>
        <translation>母样剩余：</translation>
    </message>
    <message>
        <source>From the balance:</source>
        <translation>天平读数：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>平衡：</translation>
    </message>
    <message>
        <source>enter every mass to see the balance</source>
        <translation>填写全部质量后显示平衡</translation>
    </message>
    <message>
        <source>balanced: before = remaining + children + loss</source>
        <translation>已平衡：原质量 = 剩余 + 子样 + 损耗</translation>
    </message>
    <message>
        <source>{mass} unaccounted for (before exceeds remaining + children + loss)</source>
        <translation>{mass} 去向不明（原质量大于 剩余 + 子样 + 损耗）</translation>
    </message>
    <message>
        <source>{mass} too much (remaining + children + loss exceed before)</source>
        <translation>多出 {mass}（剩余 + 子样 + 损耗 大于原质量）</translation>
    </message>
    <message>
        <source>every child needs a number</source>
        <translation>每个子样都需要编号</translation>
    </message>
    <message>
        <source>child {number}: {error}</source>
        <translation>子样 {number}：{error}</translation>
    </message>
    <message>
        <source>two children have the same number</source>
        <translation>两个子样编号相同</translation>
    </message>
    <message>
        <source>child {number}: {problem}</source>
        <translation>子样 {number}：{problem}</translation>
    </message>
    <message>
        <source>two containers cannot stand in one position</source>
        <translation>一个库位不能存放两个容器</translation>
    </message>
    <message>
        <source>process loss: {error}</source>
        <translation>处理损耗：{error}</translation>
    </message>
    <message>
        <source>parent remaining: {error}</source>
        <translation>母样剩余：{error}</translation>
    </message>
    <message>
        <source>the balance must be exactly zero</source>
        <translation>平衡差必须正好为零</translation>
    </message>
    <message>
        <source>{number} split into {children}</source>
        <translation>{number} 已分为 {children}</translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>scan each container found there (Enter after each)</source>
        <translation>逐个扫描在此找到的容器（每次扫描后按回车）</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <source>&amp;Print content list…</source>
        <translation>打印存放清单(&amp;P)…</translation>
    </message>
    <message>
        <source>  (recorded nowhere)</source>
        <translation>  （未登记位置）</translation>
    </message>
    <message>
        <source>  (unknown)</source>
        <translation>  （未知）</translation>
    </message>
    <message>
        <source>Expected ({count})</source>
        <translation>应有（{count}）</translation>
    </message>
    <message>
        <source>Found ({count})</source>
        <translation>已找到（{count}）</translation>
    </message>
    <message>
        <source>Unexpected ({count})</source>
        <translation>不应在此（{count}）</translation>
    </message>
    <message>
        <source>Missing ({count})</source>
        <translation>缺失（{count}）</translation>
    </message>
    <message>
        <source>choose the location to count</source>
        <translation>请选择要盘点的位置</translation>
    </message>
    <message>
        <source>scan every container found there</source>
        <translation>请扫描在此找到的每个容器</translation>
    </message>
    <message>
        <source>Save the content list as PDF</source>
        <translation>将存放清单保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>content list saved: {path}</source>
        <translation>存放清单已保存：{path}</translation>
    </message>
    <message>
        <source>stocktake of {place} recorded</source>
        <translation>已记录 {place} 的盘点</translation>
    </message>
</context>
<context>
    <name>StorageActions</name>
    <message>
        <source>Add &amp;location…</source>
        <translation>添加位置(&amp;L)…</translation>
    </message>
    <message>
        <source>Add &amp;containers…</source>
        <translation>添加容器(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Ret&amp;ire…</source>
        <translation>停用(&amp;I)…</translation>
    </message>
    <message>
        <source>Retire an empty &amp;container…</source>
        <translation>停用空容器(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Print labels…</source>
        <translation>打印标签(&amp;P)…</translation>
    </message>
    <message>
        <source>Labels of the chosen location, the positions below it and the containers standing there (Ctrl+P in the tree)</source>
        <translation>所选位置、其下各库位及其中容器的标签（在树中按 Ctrl+P）</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Retire a location</source>
        <translation>停用位置</translation>
    </message>
    <message>
        <source>Retire {path} and everything inside it? It must be empty; it stays in the history.</source>
        <translation>停用 {path} 及其中的一切？它必须为空；它仍保留在历史记录中。</translation>
    </message>
    <message>
        <source>retired {path}</source>
        <translation>已停用 {path}</translation>
    </message>
    <message>
        <source>Retire a container</source>
        <translation>停用容器</translation>
    </message>
    <message>
        <source>Scan or type the barcode of the empty container:</source>
        <translation>扫描或输入空容器的条码：</translation>
    </message>
    <message>
        <source>retired {barcode}</source>
        <translation>已停用 {barcode}</translation>
    </message>
</context>
<context>
    <name>StorageMapWidget</name>
    <message>
        <source>&amp;Print labels…</source>
        <translation>打印标签(&amp;P)…</translation>
    </message>
    <message>
        <source>{kind} {name}: {taken}/{positions} positions taken</source>
        <translation>{kind} {name}：已占用 {taken}/{positions} 个库位</translation>
    </message>
    <message>
        <source>{kind} {name}</source>
        <translation>{kind} {name}</translation>
    </message>
    <message>
        <source>; next free: {name}</source>
        <translation>；下一个空闲库位：{name}</translation>
    </message>
    <message>
        <source>{name}
free</source>
        <translation>{name}
空闲</translation>
    </message>
    <message>
        <source>{kind}, empty</source>
        <translation>{kind}，空</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 个</translation>
    </message>
    <message>
        <source>{taken}/{positions} taken</source>
        <translation>已占用 {taken}/{positions}</translation>
    </message>
</context>
<context>
    <name>TermsDialog</name>
    <message>
        <source>Terms of {reference}</source>
        <translation>{reference} 的条款</translation>
    </message>
    <message>
        <source>The mass is fixed once the splits are handed over</source>
        <translation>子样交接后质量不可更改</translation>
    </message>
    <message>
        <source>why the terms change (recorded)</source>
        <translation>更改条款的原因（将被记录）</translation>
    </message>
    <message>
        <source>Borrower:</source>
        <translation>借用单位：</translation>
    </message>
    <message>
        <source>Principal investigator:</source>
        <translation>项目负责人：</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Approved mass:</source>
        <translation>批准质量：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>归还期限：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>name the principal investigator</source>
        <translation>请填写项目负责人</translation>
    </message>
    <message>
        <source>approved mass: {error}</source>
        <translation>批准质量：{error}</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>没有任何更改</translation>
    </message>
    <message>
        <source>say why the terms change</source>
        <translation>请说明更改条款的原因</translation>
    </message>
    <message>
        <source>The loan is extended from {old} to {new}.</source>
        <translation>借用期限由 {old} 延长至 {new}。</translation>
    </message>
    <message>
        <source>terms of {reference} saved</source>
        <translation>已保存 {reference} 的条款</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock {name}</source>
        <translation>解锁 {name}</translation>
    </message>
    <message>
        <source>{name} is locked after {count} wrong PINs until {time}. An admin unlocks them with their own PIN; the unlock is recorded, signed by the admin.</source>
        <translation>{name} 因 {count} 次 PIN 错误已锁定至 {time}。管理员用自己的 PIN 为其解锁；解锁将被记录，由该管理员签名。</translation>
    </message>
    <message>
        <source>the admin&apos;s PIN or passphrase</source>
        <translation>管理员的 PIN 或口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock (Ctrl+Enter)</source>
        <translation>解锁 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Admin:</source>
        <translation>管理员：</translation>
    </message>
    <message>
        <source>Admin&apos;s PIN:</source>
        <translation>管理员 PIN：</translation>
    </message>
    <message>
        <source>No admin can unlock now; wait until the lock ends.</source>
        <translation>现在没有管理员可以解锁；请等待锁定结束。</translation>
    </message>
    <message>
        <source>{name} unlocked by {admin}</source>
        <translation>{name} 已由 {admin} 解锁</translation>
    </message>
</context>
<context>
    <name>WeighDialog</name>
    <message>
        <source>Weigh {number}</source>
        <translation>称重 {number}</translation>
    </message>
    <message>
        <source>only for a mass beyond the balance tolerance</source>
        <translation>仅在质量超出天平容差时填写</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>预期：</translation>
    </message>
    <message>
        <source>Measured mass:</source>
        <translation>测得质量：</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>天平：</translation>
    </message>
    <message>
        <source>Reason to confirm:</source>
        <translation>确认原因：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>{measured} is more than ten times off the expected {expected}: a unit slip? Check the unit and weigh again</source>
        <translation>{measured} 与预期 {expected} 相差十倍以上：单位写错了？请检查单位并重新称重</translation>
    </message>
    <message>
        <source>{difference} from the expected {expected}, beyond the balance tolerance of {tolerance}: check the balance, or confirm the weighing with a reason</source>
        <translation>与预期 {expected} 相差 {difference}，超出天平容差 {tolerance}：请检查天平，或填写原因确认此次称重</translation>
    </message>
    <message>
        <source>Warning: {difference} from the expected {expected}, beyond the balance tolerance of {tolerance}; recorded with your reason.</source>
        <translation>警告：与预期 {expected} 相差 {difference}，超出天平容差 {tolerance}；已连同您的原因一并登记。</translation>
    </message>
    <message>
        <source>{number} weighed {mass}</source>
        <translation>{number} 称重 {mass}</translation>
    </message>
</context>
<context>
    <name>_ScanDialog</name>
    <message>
        <source>Scan a split&apos;s container or sample number</source>
        <translation>扫描子样的容器或样品编号</translation>
    </message>
    <message>
        <source>Scan:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <source>{number} scanned</source>
        <translation>{number} 已扫描</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>No allocations match the filters.</source>
        <translation>没有符合筛选条件的分配。</translation>
    </message>
    <message>
        <source>{count} others</source>
        <translation>其他 {count} 项</translation>
    </message>
    <message>
        <source>{subtitle}; {count} smaller groups not shown: {allocated} allocated</source>
        <translation>{subtitle}；未显示 {count} 个较小分组：已分配 {allocated}</translation>
    </message>
    <message>
        <source>on loan</source>
        <translation>借出中</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>allocated, not yet handed over</source>
        <translation>已分配，尚未交接</translation>
    </message>
    <message>
        <source>{allocated} allocated, {handed} handed over</source>
        <translation>已分配 {allocated}，已交接 {handed}</translation>
    </message>
    <message>
        <source>mass ({unit})</source>
        <translation>质量（{unit}）</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <source>cumulative mass ({unit})</source>
        <translation>累计质量（{unit}）</translation>
    </message>
    <message>
        <source>date of approval / handover</source>
        <translation>批准 / 交接日期</translation>
    </message>
</context>
<context>
    <name>due</name>
    <message>
        <source>in {count} days</source>
        <translation>还有 {count} 天</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{count} days late</source>
        <translation>逾期 {count} 天</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Nothing was recorded by the failed step. The desk keeps running; the details were written to the log.</source>
        <translation>出现错误：{error}

失败的步骤未记录任何内容。工作台继续运行；详情已写入日志。</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>in store</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>on loan</source>
        <translation>借出中</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>已消耗</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>已备样</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>已交接</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>weighed</source>
        <translation>称重</translation>
    </message>
    <message>
        <source>split</source>
        <translation>分样</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移位</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>开封</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>密封</translation>
    </message>
    <message>
        <source>inspected</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>photographed</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>excursion</source>
        <translation>环境异常</translation>
    </message>
    <message>
        <source>stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>facility setting</source>
        <translation>设施设置</translation>
    </message>
    <message>
        <source>history replaced</source>
        <translation>历史记录已替换</translation>
    </message>
    <message>
        <source>nitrogen supply lost</source>
        <translation>氮气供应中断</translation>
    </message>
    <message>
        <source>oxygen level</source>
        <translation>氧含量</translation>
    </message>
    <message>
        <source>humidity</source>
        <translation>湿度</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>power</source>
        <translation>断电</translation>
    </message>
    <message>
        <source>powder</source>
        <translation>粉末</translation>
    </message>
    <message>
        <source>rock fragment</source>
        <translation>岩屑</translation>
    </message>
    <message>
        <source>glass bead</source>
        <translation>玻璃珠</translation>
    </message>
    <message>
        <source>thin section</source>
        <translation>薄片</translation>
    </message>
    <message>
        <source>soil</source>
        <translation>月壤</translation>
    </message>
    <message>
        <source>core</source>
        <translation>岩芯</translation>
    </message>
    <message>
        <source>breccia</source>
        <translation>角砾岩</translation>
    </message>
    <message>
        <source>basalt</source>
        <translation>玄武岩</translation>
    </message>
    <message>
        <source>crustal</source>
        <translation>月壳岩</translation>
    </message>
    <message>
        <source>special</source>
        <translation>特殊</translation>
    </message>
    <message>
        <source>scooped</source>
        <translation>表取</translation>
    </message>
    <message>
        <source>drilled</source>
        <translation>钻取</translation>
    </message>
    <message>
        <source>vial</source>
        <translation>样品瓶</translation>
    </message>
    <message>
        <source>capsule</source>
        <translation>胶囊</translation>
    </message>
    <message>
        <source>bag</source>
        <translation>样品袋</translation>
    </message>
    <message>
        <source>jar</source>
        <translation>样品罐</translation>
    </message>
    <message>
        <source>ampoule</source>
        <translation>安瓿</translation>
    </message>
    <message>
        <source>box</source>
        <translation>样品盒</translation>
    </message>
    <message>
        <source>facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>cabinet</source>
        <translation>柜</translation>
    </message>
    <message>
        <source>shelf</source>
        <translation>层架</translation>
    </message>
    <message>
        <source>position</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>nitrogen cabinet</source>
        <translation>氮气柜</translation>
    </message>
    <message>
        <source>glove box</source>
        <translation>手套箱</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>保险柜</translation>
    </message>
    <message>
        <source>desiccator</source>
        <translation>干燥器</translation>
    </message>
    <message>
        <source>rack</source>
        <translation>样品架</translation>
    </message>
    <message>
        <source>nitrogen</source>
        <translation>氮气</translation>
    </message>
    <message>
        <source>air</source>
        <translation>空气</translation>
    </message>
    <message>
        <source>vacuum</source>
        <translation>真空</translation>
    </message>
    <message>
        <source>argon</source>
        <translation>氩气</translation>
    </message>
    <message>
        <source>reminder sent</source>
        <translation>已发送提醒</translation>
    </message>
    <message>
        <source>inventory confirmed</source>
        <translation>清点已确认</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>inventory due</source>
        <translation>待交清点表</translation>
    </message>
    <message>
        <source>inventory late</source>
        <translation>清点表逾期</translation>
    </message>
    <message>
        <source>polished</source>
        <translation>抛光</translation>
    </message>
    <message>
        <source>coated</source>
        <translation>镀膜</translation>
    </message>
    <message>
        <source>irradiated</source>
        <translation>辐照</translation>
    </message>
    <message>
        <source>exposed to air</source>
        <translation>暴露于空气</translation>
    </message>
    <message>
        <source>contaminated</source>
        <translation>污染</translation>
    </message>
    <message>
        <source>no treatment</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>result</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>pristine</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>exposed</source>
        <translation>已暴露</translation>
    </message>
    <message>
        <source>processed</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>curator</source>
        <translation>样品管理员</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>into {count} splits: {list}</source>
        <translation>分为 {count} 个子样：{list}</translation>
    </message>
    <message>
        <source>loss {mass}</source>
        <translation>损耗 {mass}</translation>
    </message>
    <message>
        <source>split from {parent}</source>
        <translation>分自 {parent}</translation>
    </message>
    <message>
        <source>expected {mass}</source>
        <translation>预期 {mass}</translation>
    </message>
    <message>
        <source>measured {value}</source>
        <translation>测得 {value}</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <source>in {place}</source>
        <translation>位于 {place}</translation>
    </message>
    <message>
        <source>atmosphere: {name}</source>
        <translation>气氛：{name}</translation>
    </message>
    <message>
        <source>to {place}</source>
        <translation>至 {place}</translation>
    </message>
    <message>
        <source>allocation {reference}</source>
        <translation>分配 {reference}</translation>
    </message>
    <message>
        <source>corrects event {id}</source>
        <translation>更正事件 {id}</translation>
    </message>
    <message>
        <source>photo {reference}</source>
        <translation>照片 {reference}</translation>
    </message>
    <message>
        <source>images: {names}</source>
        <translation>图像：{names}</translation>
    </message>
</context>
</TS>
