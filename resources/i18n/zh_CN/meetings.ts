<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="167"/>
        <source>Amend a finalised record</source>
        <translation>更正已定稿记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="176"/>
        <source>Attendance of %1</source>
        <translation>出席情况：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="188"/>
        <source>Field</source>
        <translation>更正项目</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="189"/>
        <source>Current value</source>
        <translation>原内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="190"/>
        <source>New value</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="191"/>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="192"/>
        <source>Leave reason</source>
        <translation>请假事由</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="193"/>
        <source>Why</source>
        <translation>更正原因</translation>
    </message>
</context>
<context>
    <name>AmendmentTable</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="136"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="137"/>
        <source>By</source>
        <translation>更正人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="138"/>
        <source>Field</source>
        <translation>更正项目</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="139"/>
        <source>Old value</source>
        <translation>原内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="140"/>
        <source>New value</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="141"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
</context>
<context>
    <name>AppraisalTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="305"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="305"/>
        <source>Self review</source>
        <translation>个人自评</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="305"/>
        <source>Peer review</source>
        <translation>党员互评</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="305"/>
        <source>Verdict</source>
        <translation>评定等次</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="312"/>
        <source>Self review → peer review → rating → verdict for each member</source>
        <translation>逐人进行：个人自评 → 党员互评 → 民主测评 → 评定等次</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="59"/>
        <source>Add attachment…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="62"/>
        <source>Images (PNG, JPEG, GIF, BMP, WebP) and PDF files are kept with the record.</source>
        <translation>图片（PNG、JPEG、GIF、BMP、WebP）和PDF文件随记录保存。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="110"/>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="118"/>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="111"/>
        <source>Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.pdf)</source>
        <translation>图片和PDF (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="118"/>
        <source>Why is it added to a finalised record?</source>
        <translation>为已定稿记录补充附件的原因：</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="206"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="207"/>
        <source>Vote</source>
        <translation>表决权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="208"/>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="209"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="230"/>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="232"/>
        <source>no</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="79"/>
        <source>Non-member attendees, separated by 、</source>
        <translation>列席人员，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="87"/>
        <source>Non-member attendees (列席)</source>
        <translation>列席人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="93"/>
        <source>Expected %1, present %2, on leave %3, absent %4</source>
        <translation>应到 %1 人，实到 %2 人，请假 %3 人，缺席 %4 人</translation>
    </message>
</context>
<context>
    <name>MeetingChoice</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="40"/>
        <source>Choose a meeting record</source>
        <translation>选择会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="50"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="70"/>
        <source>Meeting record</source>
        <extracomment>The input as last loaded or saved: saving it unchanged writes nothing.</extracomment>
        <translation>会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="124"/>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="128"/>
        <source>Topics and speeches</source>
        <translation>议题与发言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="129"/>
        <source>Resolutions and votes</source>
        <translation>决议与表决</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="130"/>
        <source>Appraisal</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="132"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="134"/>
        <source>Amendments</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="139"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="140"/>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="322"/>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="141"/>
        <source>Amend…</source>
        <translation>登记更正…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="142"/>
        <source>Print PDF…</source>
        <translation>打印PDF…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="143"/>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="345"/>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="144"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="264"/>
        <source>Finalised (locked)</source>
        <translation>已定稿（锁定）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="264"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="322"/>
        <source>A finalised record is locked. Finalise it now?</source>
        <translation>定稿后记录将被锁定，只能登记更正。现在定稿吗？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="345"/>
        <source>Delete this draft record?</source>
        <translation>删除这份草稿记录吗？</translation>
    </message>
</context>
<context>
    <name>MeetingReports</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="26"/>
        <source>Save the minutes PDF</source>
        <translation>保存会议记录PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="84"/>
        <source>Save the quarterly volume</source>
        <translation>保存季度合订本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="98"/>
        <source>Meeting minutes (三会一课记录)</source>
        <translation>三会一课会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="99"/>
        <source>One meeting record as on a page of the paper record book.</source>
        <translation>按纸质记录本格式打印一次会议的记录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="106"/>
        <source>Quarterly bound volume (一季度一合订)</source>
        <translation>三会一课季度合订本（一季度一合订）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="107"/>
        <source>Every record of a quarter with a contents page.</source>
        <translation>一个季度的全部记录，附目录。</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="73"/>
        <source>Year </source>
        <extracomment>The capabilities whose changes the page shows (Party groups are columns of the grid).</extracomment>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="74"/>
        <source>New record…</source>
        <translation>新建记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="78"/>
        <source>Green: held · yellow: draft (*) · red: missing in a complete period</source>
        <translation>绿色：已开 · 黄色：草稿（*）· 红色：已结束的周期内缺开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="96"/>
        <source>Records in the selected cell</source>
        <translation>所选格内的记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="124"/>
        <source>  (draft)</source>
        <translation>（草稿）</translation>
    </message>
</context>
<context>
    <name>PeriodModel</name>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/meetings/models.py" line="122"/>
        <source>Month %n</source>
        <translation>
            <numerusform>%n月</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="132"/>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/meetings/models.py" line="150"/>
        <source>day %n</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="173"/>
        <source>Planned meeting</source>
        <translation>计划会议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="186"/>
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="187"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="188"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="189"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="219"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="219"/>
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="219"/>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="224"/>
        <source>Plan a meeting…</source>
        <translation>计划一次会议…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="226"/>
        <source>Start the record</source>
        <translation>生成会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="247"/>
        <source>Plan for quarter %1 of %2</source>
        <translation>%2年第%1季度计划</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="257"/>
        <source> (recorded)</source>
        <translation>（已建记录）</translation>
    </message>
</context>
<context>
    <name>QuarterChoice</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="56"/>
        <source>Choose a quarter</source>
        <translation>选择季度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="63"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="64"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="78"/>
        <source>or a lecturer from outside the branch</source>
        <translation>或填写支部外授课人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="82"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="82"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="82"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="83"/>
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="84"/>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="85"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="86"/>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="86"/>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="87"/>
        <source>Lecturer</source>
        <translation>授课人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="88"/>
        <source>Title</source>
        <translation>主题/题目</translation>
    </message>
</context>
<context>
    <name>TopicsTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="137"/>
        <source>Add topic</source>
        <translation>添加议题</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="138"/>
        <source>Remove topic</source>
        <translation>删除议题</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="142"/>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="142"/>
        <source>What was said</source>
        <translation>发言摘要</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="145"/>
        <source>Add speech</source>
        <translation>添加发言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="154"/>
        <source>Speeches</source>
        <translation>发言摘要</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="212"/>
        <source>Motion</source>
        <translation>表决事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="213"/>
        <source>Yes</source>
        <translation>赞成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="214"/>
        <source>No</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="215"/>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="216"/>
        <source>Written yes</source>
        <translation>书面同意</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="217"/>
        <source>Secret ballot</source>
        <translation>无记名投票</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="218"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="225"/>
        <source>Add vote</source>
        <translation>添加表决</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="229"/>
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="233"/>
        <source>Votes (a motion passes with yes &gt; half of the voting members expected)</source>
        <translation>表决（赞成票超过应到有表决权党员半数为通过）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="273"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="273"/>
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
</context>
</TS>
