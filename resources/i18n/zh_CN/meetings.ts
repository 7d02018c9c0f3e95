<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="167" />
        <source>Amend a finalised record</source>
        <translation>更正已定稿记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="176" />
        <source>Attendance of %1</source>
        <translation>出席情况：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="188" />
        <source>Field</source>
        <translation>更正项目</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="189" />
        <source>Current value</source>
        <translation>原内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="190" />
        <source>New value</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="191" />
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="192" />
        <source>Leave reason</source>
        <translation>请假事由</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="193" />
        <source>Why</source>
        <translation>更正原因</translation>
    </message>
</context>
<context>
    <name>AmendmentTable</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="136" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="137" />
        <source>By</source>
        <translation>更正人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="138" />
        <source>Field</source>
        <translation>更正项目</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="139" />
        <source>Old value</source>
        <translation>原内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="140" />
        <source>New value</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="141" />
        <source>Reason</source>
        <translation>事由</translation>
    </message>
</context>
<context>
    <name>AppraisalTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="449" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="449" />
        <source>Self review</source>
        <translation>个人自评</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="449" />
        <source>Peer review</source>
        <translation>党员互评</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="449" />
        <source>Verdict</source>
        <translation>评定等次</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="456" />
        <source>Self review → peer review → rating → verdict for each member</source>
        <translation>逐人进行：个人自评 → 党员互评 → 民主测评 → 评定等次</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="59" />
        <source>Add attachment…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="62" />
        <source>Images (PNG, JPEG, GIF, BMP, WebP) and PDF files are kept with the record.</source>
        <translation>图片（PNG、JPEG、GIF、BMP、WebP）和PDF文件随记录保存。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="110" />
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="118" />
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="111" />
        <source>Images and PDF (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.pdf)</source>
        <translation>图片和PDF (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/attachments.py" line="118" />
        <source>Why is it added to a finalised record?</source>
        <translation>为已定稿记录补充附件的原因：</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="206" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="207" />
        <source>Vote</source>
        <translation>表决权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="208" />
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="209" />
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="230" />
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="232" />
        <source>no</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="79" />
        <source>Non-member attendees, separated by 、</source>
        <translation>列席人员，用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="87" />
        <source>Non-member attendees (列席)</source>
        <translation>列席人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="93" />
        <source>Expected %1, present %2, on leave %3, absent %4</source>
        <translation>应到 %1 人，实到 %2 人，请假 %3 人，缺席 %4 人</translation>
    </message>
</context>
<context>
    <name>MeetingChoice</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="36" />
        <source>Choose a meeting record</source>
        <translation>选择会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="46" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="90" />
        <source>Meeting record</source>
        <extracomment>The input as last loaded or saved: saving it unchanged writes nothing.</extracomment>
        <translation>会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="119" />
        <source>Restored what you typed at %1 (not saved yet).</source>
        <extracomment>The input as it opened (or was last saved): anything else is unsaved typing.</extracomment>
        <translation>已恢复您在%1输入的内容（尚未保存）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="229" />
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="233" />
        <source>Topics and speeches</source>
        <translation>议题与发言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="234" />
        <source>Resolutions and votes</source>
        <translation>决议与表决</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="235" />
        <source>Appraisal</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="237" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="239" />
        <source>Amendments</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="244" />
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="245" />
        <location filename="../../../villagebook/ui/meetings/editor.py" line="475" />
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="246" />
        <source>Amend…</source>
        <translation>登记更正…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="247" />
        <source>Preview / print…</source>
        <translation>预览／打印…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="248" />
        <source>Preview the minutes, print them or save a PDF</source>
        <translation>预览会议记录，然后打印或保存为PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="249" />
        <location filename="../../../villagebook/ui/meetings/editor.py" line="503" />
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="250" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="314" />
        <source>Talks: whom the talk was with, and what was said</source>
        <translation>谈心谈话：谈话对象和谈话内容</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="319" />
        <source>Speeches (speakers are chosen from those present)</source>
        <translation>发言摘要（发言人从到会人员中选择）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="328" />
        <source>Before finalising, fill in: %1</source>
        <translation>定稿前还须填写：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="401" />
        <source>Finalised (locked)</source>
        <translation>已定稿（锁定）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="401" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="469" />
        <source>This record cannot be finalised yet; it still needs: %1</source>
        <translation>这份记录还不能定稿，还缺少：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="475" />
        <source>A finalised record is locked. Finalise it now?</source>
        <translation>定稿后记录将被锁定，只能登记更正。现在定稿吗？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/editor.py" line="503" />
        <source>Delete this draft record?</source>
        <translation>删除这份草稿记录吗？</translation>
    </message>
</context>
<context>
    <name>MeetingLinkField</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/link.py" line="47" />
        <source>Create the meeting record…</source>
        <extracomment>(record id, date, title) of a general meeting one may link.</extracomment>
        <translation>补记这次会议…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/link.py" line="77" />
        <source>The general meeting of this date is linked: its counts are used.</source>
        <translation>已关联当天的支部党员大会记录，人数和票数以会议记录为准。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/link.py" line="82" />
        <source>There is no general-meeting record of %1. Create it (the record is the proof that the meeting took place), or type the counts below.</source>
        <translation>%1没有支部党员大会记录。请补记这次会议（会议记录是开过会的凭证），或在下面填写人数和票数。</translation>
    </message>
</context>
<context>
    <name>MeetingReports</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="88" />
        <source>Meeting minutes (三会一课记录)</source>
        <translation>三会一课会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="89" />
        <source>One meeting record as on a page of the paper record book.</source>
        <translation>按纸质记录本格式打印一次会议的记录。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="96" />
        <source>Quarterly bound volume (一季度一合订)</source>
        <translation>三会一课季度合订本（一季度一合订）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="97" />
        <source>Every record of a quarter with a contents page.</source>
        <translation>一个季度的全部记录，附目录。</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="74" />
        <source>Year </source>
        <extracomment>The capabilities whose changes the page shows (Party groups are columns of the grid).</extracomment>
        <translation>年度 </translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="75" />
        <source>New record…</source>
        <translation>新建记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="79" />
        <source>Green: held · yellow: draft (*) · red: missing in a complete period</source>
        <translation>绿色：已开 · 黄色：草稿（*）· 红色：已结束的周期内缺开</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="99" />
        <source>Records in the selected cell</source>
        <translation>所选格内的记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="127" />
        <source>  (draft)</source>
        <translation>（草稿）</translation>
    </message>
</context>
<context>
    <name>PeriodModel</name>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/meetings/models.py" line="122" />
        <source>Month %n</source>
        <translation><numerusform>%n月</numerusform></translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/models.py" line="132" />
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../villagebook/ui/meetings/models.py" line="150" />
        <source>day %n</source>
        <translation><numerusform>%n日</numerusform></translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="176" />
        <source>Planned meeting</source>
        <translation>计划会议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="189" />
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="190" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="191" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="192" />
        <source>Topic</source>
        <translation>议题</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="222" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="222" />
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="222" />
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="227" />
        <source>Plan a meeting…</source>
        <translation>计划一次会议…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="229" />
        <source>Start the record</source>
        <translation>生成会议记录</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="250" />
        <source>Plan for quarter %1 of %2</source>
        <translation>%2年第%1季度计划</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/page.py" line="260" />
        <source> (recorded)</source>
        <translation>（已建记录）</translation>
    </message>
</context>
<context>
    <name>QuarterChoice</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="54" />
        <source>Choose a quarter</source>
        <translation>选择季度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="61" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/reports.py" line="62" />
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="78" />
        <source>or a lecturer from outside the branch</source>
        <translation>或填写支部外授课人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="82" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="82" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="82" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="83" />
        <source>Kind</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="84" />
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="85" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="86" />
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="86" />
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="87" />
        <source>Lecturer</source>
        <translation>授课人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/fields.py" line="88" />
        <source>Title</source>
        <translation>主题/题目</translation>
    </message>
</context>
<context>
    <name>TopicsTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="150" />
        <source>Add topic</source>
        <extracomment>The role holding a speaker choice's plain name. A speaker one may pick: (name, roster person id or None for a non-member attendee).</extracomment>
        <translation>添加议题</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="151" />
        <source>Remove topic</source>
        <translation>删除议题</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="156" />
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="156" />
        <source>What was said</source>
        <translation>发言摘要</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="160" />
        <source>Add speech</source>
        <translation>添加发言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="162" />
        <source>Remove speech</source>
        <translation>删除发言</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="164" />
        <source>Speeches (speakers are chosen from those present)</source>
        <translation>发言摘要（发言人从到会人员中选择）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="217" />
        <source>%1 (not present)</source>
        <translation>%1（未到会）</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="304" />
        <source>Motion</source>
        <extracomment>The last accepted text of each count cell: a refused entry goes back to it.</extracomment>
        <translation>表决事项</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="305" />
        <source>Yes</source>
        <translation>赞成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="306" />
        <source>No</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="307" />
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="308" />
        <source>Written yes</source>
        <translation>书面同意</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="309" />
        <source>Secret ballot</source>
        <translation>无记名投票</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="310" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="317" />
        <source>Add vote</source>
        <translation>添加表决</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="321" />
        <source>Resolutions</source>
        <translation>决议</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="325" />
        <source>Votes (a motion passes with yes &gt; half of the voting members expected)</source>
        <translation>表决（赞成票超过应到有表决权党员半数为通过）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="386" />
        <source>A count is a whole number, 0 or more.</source>
        <translation>票数应为0或正整数。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="391" />
        <source>Only %1 voting members were absent: no more written opinions than that.</source>
        <translation>未到会的有表决权党员只有%1名，书面意见不能多于此数。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="398" />
        <source>Yes, no and abstain together (%1) cannot exceed the %2 voting members present.</source>
        <translation>赞成、反对、弃权合计（%1票）不能多于到会有表决权的党员%2名。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="413" />
        <source>counts impossible</source>
        <translation>票数有误</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="415" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/meetings/sections.py" line="417" />
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
</context>
</TS>