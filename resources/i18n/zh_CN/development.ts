<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="264" />
        <source>Half-yearly assessment</source>
        <translation>半年考察</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="268" />
        <source>Assessed on</source>
        <translation>考察日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="269" />
        <source>Assessment</source>
        <translation>考察意见</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="75" />
        <source>Add assessment…</source>
        <translation>添加考察记录…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="76" />
        <source>Extend probation…</source>
        <translation>延长预备期…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="77" />
        <source>End case…</source>
        <translation>终止发展…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="78" />
        <source>Attach document…</source>
        <translation>添加材料…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="79" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="113" />
        <source>Development case of %1</source>
        <translation>%1的发展党员档案</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="133" />
        <source>Probation ends %1</source>
        <translation>预备期满：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="139" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="145" />
        <source>Half-yearly assessments: %1</source>
        <translation>半年考察：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="146" />
        <source>Documents: %1</source>
        <translation>材料：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="150" />
        <source>Probation extended by %1 months on %2: %3</source>
        <translation>%2决定延长预备期%1个月：%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="118" />
        <source>Record step %1…</source>
        <translation>记录第%1步…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/case_view.py" line="120" />
        <source>All steps recorded</source>
        <translation>所有步骤已记录</translation>
    </message>
</context>
<context>
    <name>DevelopmentBoard</name>
    <message>
        <location filename="../../../villagebook/ui/development/board.py" line="124" />
        <source>Overdue since %1</source>
        <extracomment>The smallest height (standard font); three lines of the current font otherwise.</extracomment>
        <translation>已逾期（应于%1前）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/board.py" line="125" />
        <source>Due %1</source>
        <translation>到期：%1</translation>
    </message>
</context>
<context>
    <name>DevelopmentPage</name>
    <message>
        <location filename="../../../villagebook/ui/development/page.py" line="43" />
        <source>New applicant…</source>
        <extracomment>Capabilities whose changes can move a card (a person's name lives in the roster).</extracomment>
        <translation>新入党申请人…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/page.py" line="45" />
        <source>Someone new hands in an application: the roster entry and the case, at once</source>
        <translation>有人递交入党申请书：一次登记到花名册并开始发展党员程序</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/page.py" line="47" />
        <source>Start a case…</source>
        <translation>开始发展…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/page.py" line="48" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/page.py" line="115" />
        <source>%1 open cases, %2 overdue, %3 due within 30 days</source>
        <translation>进行中%1份，已逾期%2份，30日内到期%3份</translation>
    </message>
</context>
<context>
    <name>DevelopmentReports</name>
    <message>
        <location filename="../../../villagebook/ui/development/reports.py" line="61" />
        <source>Development dossier (发展党员全程纪实表)</source>
        <translation>发展党员全程纪实表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/reports.py" line="64" />
        <source>One person's development file: every step with its date, people and result, and the rule checks' verdicts. The ID number is masked.</source>
        <translation>一名发展对象的全程纪实：每一步的日期、有关人员和结果，以及规则检查结论。身份证号已遮挡。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/reports.py" line="73" />
        <source>Development roster (发展党员工作台账)</source>
        <translation>发展党员工作台账</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/reports.py" line="76" />
        <source>All open development cases by stage, with the next step and its due date.</source>
        <translation>按阶段列出进行中的发展党员档案，以及下一步骤和到期日期。</translation>
    </message>
</context>
<context>
    <name>DevelopmentStepDialog</name>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="120" />
        <source>Step %1: %2</source>
        <translation>第%1步：%2</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="125" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="169" />
        <source>Name and post of the higher committee's talker</source>
        <translation>上级党委谈话人的姓名和职务</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="171" />
        <source>Talker of the higher committee</source>
        <translation>上级党委谈话人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="138" />
        <source>Training days</source>
        <translation>培训天数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="139" />
        <source>Class hours</source>
        <translation>培训学时</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="143" />
        <source>Public notice from</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="144" />
        <source>Public notice until</source>
        <translation>公示结束日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="148" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="150" />
        <source>Why it took longer than 3 months, if it did</source>
        <translation>如超过3个月，请说明原因</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="151" />
        <source>Reason for delay</source>
        <translation>延长原因</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="152" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="185" />
        <source>No linked meeting record: enter the counts</source>
        <translation>不关联会议记录：直接填写人数和票数</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="187" />
        <source>General meeting</source>
        <translation>支部党员大会</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="189" />
        <source>Voting members expected</source>
        <translation>应到有表决权党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="190" />
        <source>Voting members present</source>
        <translation>实到有表决权党员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="191" />
        <source>Yes</source>
        <translation>赞成票</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="192" />
        <source>No</source>
        <translation>反对票</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="193" />
        <source>Abstain</source>
        <translation>弃权票</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="194" />
        <source>Written yes of absentees</source>
        <translation>未到会党员书面赞成意见</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="253" />
        <source>Talker</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="254" />
        <source>Cultivation contacts (1-2)</source>
        <translation>培养联系人（1至2名）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="257" />
        <source>Introducers (2)</source>
        <translation>入党介绍人（2名）</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="327" />
        <source>Attach a document</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="338" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="340" />
        <location filename="../../../villagebook/ui/development/dialogs.py" line="355" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="341" />
        <source>Kind</source>
        <translation>材料类别</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="342" />
        <location filename="../../../villagebook/ui/development/dialogs.py" line="357" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="348" />
        <source>Choose a scan or PDF</source>
        <translation>选择扫描件或PDF</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="355" />
        <source>No step recorded yet</source>
        <translation>还没有已记录的步骤</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="357" />
        <source>Choose a file</source>
        <translation>请选择文件</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="300" />
        <source>End the case early</source>
        <translation>终止发展程序</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="307" />
        <source>How</source>
        <translation>终止方式</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="308" />
        <source>Ended on</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="309" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="279" />
        <source>Extend the probation</source>
        <translation>延长预备期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="286" />
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="287" />
        <source>Months (6-12, once only)</source>
        <translation>延长月数（6至12个月，只能一次）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="288" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PersonChoice</name>
    <message>
        <location filename="../../../villagebook/ui/development/reports.py" line="22" />
        <source>Choose a person</source>
        <translation>请选择人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/reports.py" line="27" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>StartCaseDialog</name>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="54" />
        <source>Start a development case</source>
        <translation>开始发展党员程序</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="60" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="61" />
        <source>Application date</source>
        <translation>递交入党申请书日期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="68" />
        <source>Development target</source>
        <translation>发展对象</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/dialogs.py" line="68" />
        <source>Choose a person</source>
        <translation>请选择人员</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="23" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="24" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="25" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="26" />
        <source>Not yet</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="43" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="44" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="45" />
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="46" />
        <source>Date / due</source>
        <translation>日期/到期</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="47" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/development/timeline.py" line="48" />
        <source>People</source>
        <translation>有关人员</translation>
    </message>
</context>
</TS>