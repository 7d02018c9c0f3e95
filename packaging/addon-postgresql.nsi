; VillageBook 村务记事本 — the PostgreSQL add-on (NSIS 3, Unicode).
;
; Only a county server needs the PostgreSQL driver (psycopg with its libpq and OpenSSL,
; about 2.4 MB of installer); the main installer leaves it out.  This one puts it into an
; installed VillageBook's folder, $INSTDIR\addons\postgresql, which python313._pth lists:
; not lib\, which the main installer replaces on every upgrade.  The main uninstaller
; removes addons\.
;
; Compiled by packaging/build_windows.py (makensis(..., addon=...)) with -D: VERSION,
; VERSION4, PAYLOAD (the staged add-on), OUTFILE, ICON, PYTHON_DLL, PYTHON_VERSION,
; SIZE_KB, FILES (SetOutPath/File lines under $INSTDIR\addons\postgresql).
;
; It finds VillageBook where the main installer recorded it (HKCU uninstall key,
; InstallLocation), else at the default folder, or /D=dir (last argument); it refuses
; (exit code 5) when no VillageBook is installed there.  /S installs silently.

!ifdef AMD64
  Target amd64-unicode
!endif
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!include MUI2.nsh
!include LogicLib.nsh

!define PRODUCT "VillageBook"
!define PRODUCT_ZH "村务记事本"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\VillageBook"
!define ADDON "$INSTDIR\addons\postgresql"

Name "${PRODUCT_ZH} PostgreSQL 组件 ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\VillageBook"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT_ZH} PostgreSQL 组件 ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"

!define MUI_ICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "村务记事本 PostgreSQL 组件"
!define MUI_WELCOMEPAGE_TEXT "这个组件让村务记事本连接县级 PostgreSQL 服务器（--database-url postgresql://…）。$\r$\n$\r$\n村和乡镇使用本机的数据文件夹，不需要它。$\r$\n$\r$\n它会装进已安装的村务记事本：$\r$\n$INSTDIR"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_LANGUAGE "SimpChinese"

VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT_ZH} ${PRODUCT} PostgreSQL"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT_ZH} PostgreSQL 组件安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "Apache-2.0; psycopg LGPL-3.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "Comments" "psycopg for Python ${PYTHON_VERSION}"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${FileExists} "$INSTDIR\python\${PYTHON_DLL}"
  ${OrIfNot} ${FileExists} "$INSTDIR\app\villagebook\__main__.py"
    MessageBox MB_OK|MB_ICONSTOP "没有找到已安装的村务记事本（$INSTDIR）。$\r$\n请先安装村务记事本，再运行这个 PostgreSQL 组件安装程序。$\r$\n$\r$\nVillageBook is not installed: install VillageBook first, then this PostgreSQL add-on." /SD IDOK
    SetErrorLevel 5
    Quit
  ${EndIf}
FunctionEnd

Section "PostgreSQL" SecAddon
  SectionIn RO
  ; The running program may have the driver's DLLs open: ask to close it first.
  not_running_retry:
  ClearErrors
  FileOpen $1 "$INSTDIR\python\${PYTHON_DLL}" a
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "村务记事本正在运行。请先关闭它（数据会自动保存），然后点“重试”。" /SD IDCANCEL IDRETRY not_running_retry
    SetErrorLevel 4
    Quit
  ${EndIf}
  FileClose $1
  RMDir /r "${ADDON}"
  ; every add-on file, ordered for the solid LZMA stream (build_windows.write_file_list)
  !include "${FILES}"
  DetailPrint "正在优化程序文件……"
  nsExec::Exec '"$INSTDIR\python\python.exe" -m compileall -q "${ADDON}"'
  Pop $0
  ; the main uninstaller removes addons\ and this key's whole folder
  WriteRegStr HKCU "${UNINSTALL_KEY}" "PostgreSQLAddon" "${VERSION}"
SectionEnd
