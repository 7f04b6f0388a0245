<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CodeTreeModel</name>
    <message>
        <location filename="../../app/ui/models.py" line="175" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="175" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="175" />
        <source>This doc</source>
        <translation>本文档</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../app/ui/models.py" line="48" />
        <source>{name}
{chars} characters, {codings} codings
source: {source} ({enc})</source>
        <translation>{name}
{chars} 字，{codings} 处编码
来源：{source}（{enc}）</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../app/ui/document_view.py" line="299" />
        <source>Remove coding “{code}”</source>
        <translation>删除编码“{code}”</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="76" />
        <source>Apply code to selection</source>
        <translation>将编码应用于选中文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="80" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82" />
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103" />
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104" />
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105" />
        <source>&amp;Import documents…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="106" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107" />
        <source>&amp;Apply selected code</source>
        <translation>应用所选编码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="108" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="110" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="115" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="120" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="123" />
        <source>&amp;Coding</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="126" />
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="146" />
        <source>The project could not be opened.</source>
        <translation>无法打开项目。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160" />
        <location filename="../../app/ui/main_window.py" line="329" />
        <source>Guiji</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176" />
        <source>Guiji — {name}</source>
        <translation>轨迹 — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177" />
        <source>Coder: {coder}</source>
        <translation>编码者：{coder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="260" />
        <source>Select some text first.</source>
        <translation>请先选中一段文本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="263" />
        <source>Choose a code in the code tree first.</source>
        <translation>请先在编码树中选择一个编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="268" />
        <source>The code could not be applied.</source>
        <translation>无法应用该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="276" />
        <source>The coding could not be removed.</source>
        <translation>无法删除该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="281" />
        <source>Selected {start}–{end} ({n} characters)</source>
        <translation>已选 {start}–{end}（{n} 字）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289" />
        <location filename="../../app/ui/main_window.py" line="304" />
        <source>Guiji projects (*{suffix})</source>
        <translation>轨迹项目 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="298" />
        <source>The project could not be created.</source>
        <translation>无法创建项目。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="304" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="313" />
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="313" />
        <source>Transcripts (*.txt *.docx *.md)</source>
        <translation>访谈稿 (*.txt *.docx *.md)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="323" />
        <source>Nothing was imported.</source>
        <translation>未导入任何文档。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="326" />
        <source>Imported {n} document(s).</source>
        <translation>已导入 {n} 个文档。</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <location filename="../../app/ui/controller.py" line="75" />
        <source>Apply code “{code}”</source>
        <translation>应用编码“{code}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/controller.py" line="88" />
        <source>Remove coding “{code}”</source>
        <translation>删除编码“{code}”</translation>
    </message>
</context>
</TS>