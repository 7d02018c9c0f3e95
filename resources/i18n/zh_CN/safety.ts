<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditHistoryDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="104" />
        <source>Change log: %1</source>
        <translation>修改记录：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="115" />
        <source>Every saved change is kept in a tamper-evident log (who, when, before and after).</source>
        <translation>每一次保存的修改都记在防篡改的日志里（谁、何时、改前、改后）。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="120" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="32" />
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="32" />
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="32" />
        <source>Schema</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="32" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="49" />
        <source>From a newer VillageBook</source>
        <translation>来自更新版本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="50" />
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="50" />
        <source>Good (manual)</source>
        <translation>完好（手动备份）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="47" />
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="60" />
        <source>(record deleted)</source>
        <translation>（记录被删除）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="133" />
        <source>Change log…</source>
        <translation>修改记录…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="78" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="79" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="80" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="81" />
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/history.py" line="82" />
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="107" />
        <source>App lock</source>
        <translation>程序锁</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="117" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="118" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="119" />
        <source>Repeat</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="120" />
        <source>Lock after idle</source>
        <translation>闲置后锁定</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="121" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="122" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="123" />
        <source>Remove password</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="129" />
        <source>With a password, VillageBook asks for it on start and after the idle time. Only a hash of the password is kept.</source>
        <translation>设置密码后，程序启动时和闲置一段时间后都需要输入密码。程序只保存密码的哈希值，不保存密码本身。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="58" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="64" />
        <source>Other folder…</source>
        <translation>其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="75" />
        <source>The current data is not deleted: it is moved into a folder named replaced-&lt;date&gt; inside the data folder.</source>
        <translation>当前数据不会被删除：它会被移到数据文件夹中名为 replaced-&lt;日期&gt; 的文件夹里。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="84" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="85" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="112" />
        <source>Backups in %1</source>
        <translation>备份位置：%1</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="119" />
        <source>Folder with backups</source>
        <translation>选择存放备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="129" />
        <source>No backup selected.</source>
        <translation>没有选择备份。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="131" />
        <source>This backup is damaged and cannot be restored.</source>
        <translation>这个备份已损坏，不能恢复。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="135" />
        <source>This backup was written by a newer VillageBook (schema %1); this version cannot restore it. Install the newer version first.</source>
        <translation>这个备份由更新版本的村务记事本写入（数据结构 %1），本版本不能恢复它。请先安装新版本。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/backups.py" line="142" />
        <source>Taken %1 · schema %2
%3</source>
        <translation>备份于 %1 · 结构版本 %2
%3</translation>
    </message>
</context>
<context>
    <name>SafetyHooks</name>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="77" />
        <source>Back &amp;up to…</source>
        <translation>备份到(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="78" />
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="79" />
        <source>App &amp;lock…</source>
        <translation>程序锁(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="100" />
        <source>Data folder in use</source>
        <translation>数据文件夹正在使用</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="148" />
        <source>The database is missing</source>
        <translation>数据库不见了</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="151" />
        <source>There is no database in %1, but the folder holds earlier data (backups, or files an interrupted restore left). No new, empty database was created, so that nothing is hidden.</source>
        <translation>数据文件夹 %1 中没有数据库，但有以前的数据（备份，或恢复被中断时留下的文件）。为了不把这些数据藏起来，程序没有新建空白数据库。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="157" />
        <source>No good copy was found.</source>
        <translation>没有找到完好的副本。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="163" />
        <source>Restore the copy with the newest data (%1: %2)?
%3</source>
        <translation>恢复数据最新的副本吗（%1：%2）？
%3</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="175" />
        <source>Copy restored</source>
        <translation>已恢复副本</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="175" />
        <source>The data is back.</source>
        <translation>数据已恢复。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="181" />
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="186" />
        <source>No good backup was found. The file was not changed.</source>
        <translation>没有找到完好的备份。损坏的文件没有被改动。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="193" />
        <source>Restore the newest good backup (%1: %2)?</source>
        <translation>要恢复最近一次完好的备份吗（%1：%2）？</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="204" />
        <location filename="../../../villagebook/ui/safety/hooks.py" line="312" />
        <source>Backup restored</source>
        <translation>已恢复备份</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="205" />
        <source>The damaged files were kept in %1.</source>
        <translation>损坏的文件已保留在 %1。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="271" />
        <source>Back up to folder (e.g. a USB stick)</source>
        <translation>备份到文件夹（例如U盘）</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="279" />
        <source>Backup made</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="280" />
        <source>The data and its attachments were copied to %1.</source>
        <translation>数据和附件已复制到 %1。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="296" />
        <source>Restore the backup of %1? The current data will be moved aside, not deleted.</source>
        <translation>要恢复 %1 的备份吗？当前数据会被移到一旁保存，不会删除。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="298" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/hooks.py" line="313" />
        <source>The data of %1 is back. The data it replaced was kept in %2.</source>
        <translation>已恢复 %1 的数据。被替换的数据保留在 %2。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="73" />
        <source>VillageBook is locked</source>
        <translation>村务记事本已锁定</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="80" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="82" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="86" />
        <source>The records hold personal data. Enter the password to continue.</source>
        <translation>记录中有个人信息。请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../../villagebook/ui/safety/lock.py" line="98" />
        <source>Wrong password.</source>
        <translation>密码不正确。</translation>
    </message>
</context>
</TS>