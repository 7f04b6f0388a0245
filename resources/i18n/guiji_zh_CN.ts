<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="168"/>
        <source>Apply code to selection</source>
        <translation type="unfinished">将编码应用于选中文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="171"/>
        <source>Codes</source>
        <translation type="unfinished">编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="222"/>
        <source>(no description)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="247"/>
        <source>New top-level code…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="249"/>
        <source>New child code…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="251"/>
        <source>Rename…</source>
        <translation type="unfinished">重命名…</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="252"/>
        <source>Colour…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="253"/>
        <source>Pin to number key</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="259"/>
        <source>Unpin</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="260"/>
        <source>Memo…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="261"/>
        <source>Merge into…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="263"/>
        <source>Delete…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="272"/>
        <source>New code</source>
        <translation type="unfinished">新建编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="272"/>
        <source>Name of the new code:</source>
        <translation type="unfinished">新编码的名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="283"/>
        <source>Rename code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="283"/>
        <source>New name:</source>
        <translation type="unfinished">新名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="288"/>
        <source>Rename code “{old}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="300"/>
        <source>Code colour</source>
        <translation type="unfinished">编码颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="306"/>
        <source>Recolour code “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="319"/>
        <source>Move code “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="335"/>
        <source>Pin code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="349"/>
        <source>Code memo</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="355"/>
        <source>Memo on code “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="371"/>
        <source>Merge codes</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="372"/>
        <source>Merge “{name}” into (its codings and child codes move there):</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="389"/>
        <source>Delete code</source>
        <translation type="unfinished">删除编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="390"/>
        <source>Delete “{path}”, its {children} child code(s) and {codings} coding(s)?</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <location filename="../../app/ui/models.py" line="264"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="264"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="264"/>
        <source>This doc</source>
        <translation>本文档</translation>
    </message>
</context>
<context>
    <name>CodebookCommands</name>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="48"/>
        <source>Edit code “{name}”</source>
        <translation>编辑编码“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="72"/>
        <source>Add code “{name}”</source>
        <translation>添加编码“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="85"/>
        <source>Delete code “{name}”</source>
        <translation>删除编码“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="97"/>
        <source>Import codebook {file}</source>
        <translation>导入编码本 {file}</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="118"/>
        <source>Add stage “{name}”</source>
        <translation>添加阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="135"/>
        <source>Edit stage “{name}”</source>
        <translation>编辑阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="162"/>
        <source>Move stage “{name}”</source>
        <translation>移动阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="174"/>
        <source>Delete stage “{name}”</source>
        <translation>删除阶段“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="189"/>
        <source>Choose example</source>
        <translation>选为编码示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="190"/>
        <source>Drop example</source>
        <translation>取消编码示例</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_commands.py" line="201"/>
        <source>Merge template {name}</source>
        <translation>合并模板 {name}</translation>
    </message>
</context>
<context>
    <name>CodebookDialog</name>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="176"/>
        <location filename="../../app/ui/codebook_dialog.py" line="500"/>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="204"/>
        <source>separate with ； or new lines</source>
        <translation>用“；”或换行分隔</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="207"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="208"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="209"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="210"/>
        <source>Short definition</source>
        <translation>简短定义</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="211"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="212"/>
        <source>When to use</source>
        <translation>适用情形</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="213"/>
        <source>When not to use</source>
        <translation>不适用情形</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="214"/>
        <source>Typical example</source>
        <translation>典型例子</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="215"/>
        <source>Keywords and synonyms</source>
        <translation>关键词与同义词</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="218"/>
        <source>Apply changes</source>
        <translation>应用修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="230"/>
        <source>Passages coded with it (checked: in the coding-example table):</source>
        <translation>使用该编码的片段（勾选者列入编码示例表）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="234"/>
        <source>Add top-level code…</source>
        <translation>添加一级编码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="235"/>
        <source>Add sub-code…</source>
        <translation>添加下级编码…</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="236"/>
        <location filename="../../app/ui/codebook_dialog.py" line="449"/>
        <source>Delete code</source>
        <translation>删除编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="237"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="238"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="239"/>
        <source>Merge a framework template…</source>
        <translation>合并框架模板…</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="316"/>
        <source>No code chosen.</source>
        <translation>未选择编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="373"/>
        <source>The code could not be changed.</source>
        <translation>无法修改该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="381"/>
        <source>The code could not be added.</source>
        <translation>无法添加该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="393"/>
        <source>The code could not be deleted.</source>
        <translation>无法删除该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="405"/>
        <source>The example could not be chosen.</source>
        <translation>无法设置编码示例。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="412"/>
        <source>The template could not be merged.</source>
        <translation>无法合并该模板。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="421"/>
        <source>The codebook could not be read.</source>
        <translation>无法读取该编码本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="428"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="435"/>
        <source>The codebook could not be exported.</source>
        <translation>无法导出编码本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="440"/>
        <source>New code</source>
        <translation>新建编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="440"/>
        <source>Name of the new code:</source>
        <translation>新编码的名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="450"/>
        <source>Delete “{path}”, its sub-codes and their codings? (Undo brings them back.)</source>
        <translation>删除“{path}”及其下级编码和所有编码记录吗？（可撤销恢复。）</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="457"/>
        <source>Code colour</source>
        <translation>编码颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="463"/>
        <location filename="../../app/ui/codebook_dialog.py" line="471"/>
        <source>Import codebook</source>
        <translation>导入编码本</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="464"/>
        <source>Codebooks (*.qdc *.qde *.qdpx *.xlsx *.csv)</source>
        <translation>编码本 (*.qdc *.qde *.qdpx *.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="472"/>
        <source>Merge {file} into this project?</source>
        <translation>将 {file} 合并到本项目吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="483"/>
        <source>Merge a framework template</source>
        <translation>合并框架模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="484"/>
        <source>Codes and stages the project lacks are added; empty fields are filled:</source>
        <translation>将补充项目中没有的编码和阶段，并填写空白字段：</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="492"/>
        <location filename="../../app/ui/codebook_dialog.py" line="496"/>
        <source>Export codebook</source>
        <translation>导出编码本</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="493"/>
        <source>Word (*.docx);;Excel (*.xlsx);;REFI-QDA codebook (*.qdc);;CSV (*.csv);;Markdown (*.md)</source>
        <translation>Word 文档 (*.docx);;Excel 表格 (*.xlsx);;REFI-QDA 编码本 (*.qdc);;CSV (*.csv);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="497"/>
        <source>Wrote {file}.</source>
        <translation>已写出 {file}。</translation>
    </message>
</context>
<context>
    <name>CodebookTreeModel</name>
    <message>
        <location filename="../../app/ui/codebook_dialog.py" line="117"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
</context>
<context>
    <name>CodingMargin</name>
    <message>
        <location filename="../../app/ui/document_view.py" line="190"/>
        <source>Stage: {name}</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../app/ui/models.py" line="59"/>
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
        <location filename="../../app/ui/document_view.py" line="431"/>
        <source>Memo on coding “{code}”…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/document_view.py" line="434"/>
        <source>Remove coding “{code}”</source>
        <translation>删除编码“{code}”</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="35"/>
        <source>Documents</source>
        <translation type="unfinished">文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="56"/>
        <source>Properties…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="58"/>
        <source>Rename…</source>
        <translation type="unfinished">重命名…</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="59"/>
        <source>Memo…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="60"/>
        <source>Move up</source>
        <translation type="unfinished">上移</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="61"/>
        <source>Move down</source>
        <translation type="unfinished">下移</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="63"/>
        <source>Delete…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="73"/>
        <source>Rename document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="73"/>
        <source>New name:</source>
        <translation type="unfinished">新名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="78"/>
        <source>Rename document “{old}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="92"/>
        <source>Move document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="107"/>
        <source>Delete document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="108"/>
        <source>Delete “{name}” and its {n} coding(s)? (Undo brings them back.)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="115"/>
        <source>Delete document “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="129"/>
        <source>Document memo</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="135"/>
        <source>Memo on document “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="150"/>
        <source>Properties of “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="153"/>
        <source>Source file:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="154"/>
        <source>Format / encoding found:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="155"/>
        <source>Characters:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="156"/>
        <source>Sentences:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="157"/>
        <source>Codings:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="158"/>
        <source>Imported:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="161"/>
        <source>{speaker}: {turns} turn(s), {chars} characters</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/documents_panel.py" line="165"/>
        <source>Speakers:</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Apply code to selection</source>
        <translation type="vanished">将编码应用于选中文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="105"/>
        <source>Codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107"/>
        <source>&lt;project opened&gt;</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="108"/>
        <source>History</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118"/>
        <source>Search</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="119"/>
        <source>Coded passages</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="120"/>
        <source>Memos</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <source>&amp;Import documents…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>&amp;Apply selected code</source>
        <translation>应用所选编码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <source>In-&amp;vivo code from selection</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>Extend selection to &amp;sentence</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="159"/>
        <source>Extend selection to speaker &amp;turn</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Set the selected coding's range to the selection</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>&amp;Remove the selected coding</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="165"/>
        <source>&amp;Quick code…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="169"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>&amp;History</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>&amp;Coding</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192"/>
        <source>&amp;View</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>&amp;Help</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>Code&amp;book…</source>
        <translation>编码本(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="203"/>
        <source>S&amp;tages…</source>
        <translation>阶段(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="207"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="228"/>
        <source>(none)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="237"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="268"/>
        <source>The project could not be opened.</source>
        <translation>无法打开项目。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="271"/>
        <source>The project was upgraded; a backup is at {path}</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="286"/>
        <source>Who is coding?</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="287"/>
        <source>Your name as a coder (every coding records it; asked only once):</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="302"/>
        <location filename="../../app/ui/main_window.py" line="663"/>
        <source>Guiji</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="323"/>
        <source>Guiji — {name}</source>
        <translation>轨迹 — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="571"/>
        <source>Coding memo</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="577"/>
        <source>Memo on coding “{code}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="658"/>
        <source>Importing {n} file(s)…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="252"/>
        <location filename="../../app/ui/main_window.py" line="325"/>
        <source>Coder: {coder}</source>
        <translation>编码者：{coder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="482"/>
        <location filename="../../app/ui/main_window.py" line="503"/>
        <source>Select some text first.</source>
        <translation>请先选中一段文本。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="440"/>
        <location filename="../../app/ui/main_window.py" line="471"/>
        <source>Choose a code in the code tree first.</source>
        <translation>请先在编码树中选择一个编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86"/>
        <source>Show codings of:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="384"/>
        <source>all coders</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="443"/>
        <source>Code {n} search hit(s)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="447"/>
        <source>Not every hit could be coded.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="487"/>
        <source>The code could not be applied.</source>
        <translation>无法应用该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="492"/>
        <source>No code is pinned to key {key}.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="512"/>
        <source>In-vivo code “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="516"/>
        <source>The in-vivo code could not be made.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="549"/>
        <source>Click a coding's stripe, then select its new range.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="555"/>
        <source>Adjust coding “{code}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="561"/>
        <source>The coding could not be adjusted.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="586"/>
        <source>Click a coding's stripe first.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="597"/>
        <source>The coding could not be removed.</source>
        <translation>无法删除该编码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="602"/>
        <source>Selected {start}–{end} ({n} characters)</source>
        <translation>已选 {start}–{end}（{n} 字）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="610"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="610"/>
        <location filename="../../app/ui/main_window.py" line="626"/>
        <source>Guiji projects (*{suffix})</source>
        <translation>轨迹项目 (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="619"/>
        <source>The project could not be created.</source>
        <translation>无法创建项目。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="626"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="635"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="635"/>
        <source>Transcripts (*.txt *.docx *.md)</source>
        <translation>访谈稿 (*.txt *.docx *.md)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="652"/>
        <source>Import cancelled; nothing was imported.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="654"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何文档。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="648"/>
        <source>Imported {n} document(s).</source>
        <translation>已导入 {n} 个文档。</translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="269"/>
        <source>Project memo: research questions, decisions, notes…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="270"/>
        <source>Save project memo</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="273"/>
        <source>Search memos…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="276"/>
        <source>Kind</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="277"/>
        <source>Of</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="278"/>
        <source>Memo</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="294"/>
        <source>project</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="294"/>
        <source>document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="294"/>
        <source>code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="295"/>
        <source>coding</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="321"/>
        <source>Edit project memo</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <location filename="../../app/ui/controller.py" line="81"/>
        <source>Apply code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/controller.py" line="93"/>
        <source>Remove coding</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>QuickCodeBox</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="102"/>
        <source>Quick code: name, pinyin (zqfn) or keyword — Enter applies</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RetrievalPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="116"/>
        <source>Add selected code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="118"/>
        <source>Exclude selected code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="120"/>
        <source>Clear</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="122"/>
        <source>any of them (OR)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="123"/>
        <source>where all overlap (AND)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="131"/>
        <source>Retrieve</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="133"/>
        <source>Export…</source>
        <translation type="unfinished">导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="137"/>
        <source>Document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="138"/>
        <source>Position</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="139"/>
        <source>Codes</source>
        <translation type="unfinished">编码</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="140"/>
        <source>Coder</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="141"/>
        <source>Stage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="142"/>
        <source>Passage</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="153"/>
        <source>Codes:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="155"/>
        <source>Not coded with:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="160"/>
        <source>Document:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="160"/>
        <source>Coder:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="161"/>
        <source>Stage:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="190"/>
        <source>all</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="239"/>
        <source>{n} passage(s)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="242"/>
        <source>Export passages</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="243"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/ui/panels.py" line="57"/>
        <source>Search all documents (1 character or more)…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="60"/>
        <source>Code all hits with the selected code</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="63"/>
        <source>Document</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="64"/>
        <source>Position</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="65"/>
        <source>Context</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/panels.py" line="93"/>
        <source>{n} hit(s)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="34"/>
        <source>Settings</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="37"/>
        <source>As the system</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="46"/>
        <source>your name as a coder</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="48"/>
        <source>Interface language:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="49"/>
        <source>(takes effect when Guiji starts again)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="50"/>
        <source>Transcript text size:</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="51"/>
        <source>Coder name:</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>StagesDialog</name>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="80"/>
        <location filename="../../app/ui/stages_dialog.py" line="275"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="87"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="88"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="89"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="90"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="91"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="110"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可选）</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="115"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="116"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="117"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="118"/>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="119"/>
        <source>Apply changes</source>
        <translation>应用修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="196"/>
        <source>The stage could not be added.</source>
        <translation>无法添加该阶段。</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="217"/>
        <source>The stage could not be changed.</source>
        <translation>无法修改该阶段。</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="228"/>
        <source>The stage could not be moved.</source>
        <translation>无法移动该阶段。</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="239"/>
        <source>The stage could not be deleted.</source>
        <translation>无法删除该阶段。</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="245"/>
        <source>New stage</source>
        <translation>新建阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="245"/>
        <source>Name of the new stage:</source>
        <translation>新阶段的名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="253"/>
        <source>Rename stage</source>
        <translation>重命名阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="253"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="262"/>
        <source>Delete stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="263"/>
        <source>Delete the stage “{name}” and its spans? (Undo brings them back.)</source>
        <translation>删除阶段“{name}”及其文本区段标记吗？（可撤销恢复。）</translation>
    </message>
    <message>
        <location filename="../../app/ui/stages_dialog.py" line="270"/>
        <source>Stage colour</source>
        <translation>阶段颜色</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="75"/>
        <source>Cancel</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Apply code “{code}”</source>
        <translation type="vanished">应用编码“{code}”</translation>
    </message>
    <message>
        <source>Remove coding “{code}”</source>
        <translation type="vanished">删除编码“{code}”</translation>
    </message>
</context>
<context>
    <name>ctrl</name>
    <message>
        <location filename="../../app/ui/code_panel.py" line="409"/>
        <source>New code “{name}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="423"/>
        <source>Delete code “{path}”</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../../app/ui/code_panel.py" line="440"/>
        <source>Merge code “{path}”</source>
        <translation type="unfinished"/>
    </message>
</context>
</TS>