<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditHistoryDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="105"/>
        <source>Change log: %1</source>
        <translation>修改记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="116"/>
        <source>Every saved change is kept in a tamper-evident log (who, when, before and after).</source>
        <translation>每一次保存的修改都记在防篡改的日志里（谁、何时、改前、改后）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="121"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="33"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="33"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="33"/>
        <source>Schema</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="33"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="47"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="47"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="61"/>
        <source>(record deleted)</source>
        <translation>（记录被删除）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="134"/>
        <source>Change log…</source>
        <translation>修改记录…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="79"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="80"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="81"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="82"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="83"/>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="213"/>
        <source>App lock</source>
        <translation>程序锁</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="227"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="229"/>
        <location filename="../../../villagebook/ui/safety/lock.py" line="267"/>
        <location filename="../../../villagebook/ui/safety/lock.py" line="276"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="230"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="230"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="232"/>
        <source>Repeat</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="233"/>
        <source>Lock after idle</source>
        <translation>闲置后锁定</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="234"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="235"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="236"/>
        <source>Remove password</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="242"/>
        <source>With a password, VillageBook asks for it on start and after the idle time, and keeps the data folder encrypted: the database, its backups and exports. Only a hash of the password is kept; a recovery key is shown once.</source>
        <translation>设置密码后，启动时和闲置一段时间后需要输入密码，数据文件夹（数据库、备份和导出的文件）也会加密保存。程序只保存密码的哈希值；设置时会显示一次恢复密钥。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="151"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="154"/>
        <source>The data folder is now encrypted. If the password is forgotten, only this recovery key opens it. Print it or write it down, and give it to the township Party committee to keep in its safe. It is shown only this once.</source>
        <translation>数据文件夹已经加密。忘记密码时，只有这个恢复密钥能打开数据。请打印或抄写下来，交乡镇党委放在保险柜里保管。它只显示这一次。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="171"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="173"/>
        <source>I have kept it</source>
        <translation>已妥善保存</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="185"/>
        <source>VillageBook recovery key</source>
        <translation>村务记事本 恢复密钥</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="186"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="188"/>
        <source>Keep this sheet in the township&apos;s safe. Anyone holding it can open the data.</source>
        <translation>请把这张纸放在乡镇的保险柜里。持有它的人可以打开数据。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="55"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="61"/>
        <source>Other folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="72"/>
        <source>The current data is not deleted: it is moved into a folder named replaced-&lt;date&gt; inside the data folder.</source>
        <translation>当前数据不会被删除：它会被移到数据文件夹中名为 replaced-&lt;日期&gt; 的文件夹里。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="81"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="109"/>
        <source>Backups in %1</source>
        <translation>备份位置：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="116"/>
        <source>Folder with backups</source>
        <translation>选择存放备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="126"/>
        <source>No backup selected.</source>
        <translation>没有选择备份。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="128"/>
        <source>This backup is damaged and cannot be restored.</source>
        <translation>这个备份已损坏，不能恢复。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="132"/>
        <source>Taken %1 · schema %2
%3</source>
        <translation>备份于 %1 · 结构版本 %2
%3</translation>
    </message>
</context>
<context>
    <name>SafetyHooks</name>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="76"/>
        <source>Back &amp;up to…</source>
        <translation>备份到(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="77"/>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="78"/>
        <source>App &amp;lock…</source>
        <translation>程序锁(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="99"/>
        <source>Data folder in use</source>
        <translation>数据文件夹正在使用</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="127"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="129"/>
        <source>The audit trail does not match its anchor or the tables&apos; structure changed behind VillageBook&apos;s back:</source>
        <translation>审计日志与锚点不符，或数据表结构被绕过程序改动过：</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="135"/>
        <source>Run “villagebook audit verify” for the full check.</source>
        <translation>请运行“villagebook audit verify”进行完整检查。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="180"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="185"/>
        <source>No good backup was found. The file was not changed.</source>
        <translation>没有找到完好的备份。损坏的文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="192"/>
        <source>Restore the newest good backup (%1: %2)?</source>
        <translation>要恢复最近一次完好的备份吗（%1：%2）？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="203"/>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="322"/>
        <source>Backup restored</source>
        <translation>已恢复备份</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="204"/>
        <source>The damaged files were kept in %1.</source>
        <translation>损坏的文件已保留在 %1。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="278"/>
        <source>Back up to folder (e.g. a USB stick)</source>
        <translation>备份到文件夹（例如U盘）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="286"/>
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="287"/>
        <source>The data and its attachments were copied to %1.</source>
        <translation>数据和附件已复制到 %1。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="303"/>
        <source>Restore the backup of %1? The current data will be moved aside, not deleted.</source>
        <translation>要恢复 %1 的备份吗？当前数据会被移到一旁保存，不会删除。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="305"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="323"/>
        <source>The data of %1 is back. The data it replaced was kept in %2.</source>
        <translation>已恢复 %1 的数据。被替换的数据保留在 %2。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="88"/>
        <source>VillageBook is locked</source>
        <translation>村务记事本已锁定</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="96"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="98"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="104"/>
        <source>The records hold personal data. Enter the password (or the recovery key) to continue.</source>
        <translation>记录中有个人信息。请输入密码（或恢复密钥）继续。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="127"/>
        <source>Too many wrong passwords. Try again in %1 seconds.</source>
        <translation>密码错误次数过多，请 %1 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="133"/>
        <location filename="../../../villagebook/ui/safety/lock.py" line="136"/>
        <source>Wrong password.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
</TS>
