; VillageBook 村务记事本 — per-user Windows installer (NSIS 3, Unicode).
;
; Compiled by packaging/build_windows.py, which passes the values below with -D:
;   VERSION, VERSION4 (a.b.c.d), PAYLOAD (staged folder), OUTFILE, ICON,
;   PYTHON_DLL (e.g. python313.dll), PYTHON_VERSION, SIZE_KB, and FILES (an include
;   file listing the payload in the order that compresses best; without it, File /r).
;
; What it promises (docs/install.*.md):
;   - installs for the current user only, no administrator rights:
;     %LOCALAPPDATA%\Programs\VillageBook (or /D=dir, which must be the last argument)
;   - Start menu shortcut 村务记事本, optional desktop shortcut
;   - installing over an older version replaces the program files only (python\, lib\,
;     app\); the PostgreSQL add-on in addons\ (addon-postgresql.nsi) stays
;   - the uninstaller removes the program files only: the records in
;     %LOCALAPPDATA%\VillageBook and the settings in HKCU\Software\VillageBook stay
;   - refuses Windows older than Windows 10 1903 (build 18362) or 32-bit Windows
;   - /S installs silently with the default choices
;   - with BINARIES (build_windows.write_binaries_archive), BINARIES_SHA256, BINARIES_COUNT,
;     BINARIES_KB and UNPACKER (unpack_binaries.py): FILES leaves those DLLs and .pyd out,
;     and the shipped Python unpacks them at install; if that fails the installer says so,
;     removes the program folders and exits with code 6

!ifdef AMD64
  ; 64-bit stub, for the Wine smoke test (wine64 runs no 32-bit programs).  The release
  ; keeps the 32-bit stub so that 32-bit Windows gets the message below, not a crash.
  Target amd64-unicode
!endif
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
; 128 MiB: the solid stream is about 160 MiB, and a window that sees most of it finds the
; second copy of whatever repeats (0.2.0: 0.23 MB smaller than 64 MiB; 256 MiB gains
; nothing more).  Installing needs that much memory for a moment.
!ifndef DICT_MB
  !define DICT_MB 128
!endif
SetCompressorDictSize ${DICT_MB}

!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include x64.nsh

!define PRODUCT "VillageBook"
!define PRODUCT_ZH "村务记事本"
!define MIN_BUILD 18362
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\VillageBook"
!define SHORTCUT "${PRODUCT_ZH}.lnk"

Name "${PRODUCT_ZH} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\VillageBook"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT_ZH} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\python\pythonw.exe"
!define MUI_FINISHPAGE_RUN_PARAMETERS "-m villagebook"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开村务记事本"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT_ZH} ${PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT_ZH} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "Apache-2.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "Comments" "Python ${PYTHON_VERSION}, PySide6"

; --- checks -------------------------------------------------------------------------------

!macro REQUIRE_WINDOWS
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "村务记事本需要 64 位的 Windows 10（1903 版）或更高版本，这台电脑是 32 位 Windows，无法安装。" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  ReadRegStr $0 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion" "CurrentBuildNumber"
  ${IfNot} ${AtLeastWin10}
  ${OrIf} $0 < ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "这台电脑的 Windows 版本过旧（内部版本 $0）。$\r$\n村务记事本需要 Windows 10 1903 版（内部版本 ${MIN_BUILD}）或更高版本。$\r$\n请先升级 Windows，再运行安装程序。" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
!macroend

; The running program keeps its Python DLL open: replacing or removing it would fail
; half-way, so ask to close the program first.
!macro REQUIRE_NOT_RUNNING
  ${If} ${FileExists} "$INSTDIR\python\${PYTHON_DLL}"
    not_running_retry:
    ClearErrors
    FileOpen $1 "$INSTDIR\python\${PYTHON_DLL}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "村务记事本正在运行。请先关闭它（数据会自动保存），然后点“重试”。" /SD IDCANCEL IDRETRY not_running_retry
      SetErrorLevel 4
      Quit
    ${EndIf}
    FileClose $1
  ${EndIf}
!macroend

Function .onInit
  !insertmacro REQUIRE_WINDOWS
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; --- install ------------------------------------------------------------------------------

Section "村务记事本（必需）" SecProgram
  SectionIn RO
  !insertmacro REQUIRE_NOT_RUNNING
  ; An upgrade replaces the program folders only; the records live elsewhere.
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\licenses"
  SetOutPath "$INSTDIR"
!ifdef BINARIES
  ; first in the solid stream, like the machine code at the head of FILES
  InitPluginsDir
  File "/oname=$PLUGINSDIR\binaries.tar.x86" "${BINARIES}"
  File "/oname=$PLUGINSDIR\unpack_binaries.py" "${UNPACKER}"
!endif
!ifdef FILES
  ; every payload file, ordered for the solid LZMA stream (build_windows.write_file_list)
  !include "${FILES}"
!else
  File /r "${PAYLOAD}\*"
!endif
!ifdef BINARIES
  ; Most DLLs and .pyd files come as one tar run through the x86 BCJ filter, which NSIS's
  ; own LZMA lacks (the installer is about 1 MB smaller); the shipped Python undoes the
  ; filter and writes them into python\ and lib\ (packaging/unpack_binaries.py).  Before the
  ; uninstaller and the uninstall entry are written, so a failure leaves neither; the
  ; uninstaller's RMDir /r of python\ and lib\ removes every file it wrote.
  AddSize ${BINARIES_KB}
  DetailPrint "正在解压程序库（${BINARIES_COUNT} 个文件），请稍候……"
  nsExec::ExecToLog '"$INSTDIR\python\python.exe" -I -S "$PLUGINSDIR\unpack_binaries.py" "$PLUGINSDIR\binaries.tar.x86" ${BINARIES_SHA256}'
  Pop $0
  Delete "$PLUGINSDIR\binaries.tar.x86"
  Delete "$PLUGINSDIR\unpack_binaries.py"
  ${If} $0 != 0
    ; No half program: remove what was written (the records are elsewhere and stay; over an
    ; older version its uninstaller and uninstall entry stay, and remove the rest).
    RMDir /r "$INSTDIR\python"
    RMDir /r "$INSTDIR\lib"
    RMDir /r "$INSTDIR\app"
    RMDir /r "$INSTDIR\licenses"
    Delete "$INSTDIR\villagebook.ico"
    Delete "$INSTDIR\VillageBook.cmd"
    SetOutPath "$TEMP"  ; the working folder cannot be removed
    RMDir "$INSTDIR"
    DetailPrint "解压程序库失败（返回值 $0），安装已中止。"
    MessageBox MB_OK|MB_ICONSTOP "解压程序库失败（返回值 $0），安装没有完成。$\r$\n已写入的程序文件已删除，村务记录不受影响。$\r$\n请检查磁盘空间，或暂时关闭杀毒软件，然后重新运行安装程序。" /SD IDOK
    SetErrorLevel 6
    Quit
  ${EndIf}
  DetailPrint "程序库解压完成。"
!endif
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\python\pythonw.exe" "-m villagebook" \
    "$INSTDIR\villagebook.ico" 0 SW_SHOWNORMAL "" "${PRODUCT_ZH}：村党支部记录"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT_ZH} ${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\villagebook.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; Compile the Python files once now, so the first start is as quick as the later ones.
  DetailPrint "正在优化程序文件……"
  nsExec::Exec '"$INSTDIR\python\python.exe" -m compileall -q "$INSTDIR\app" "$INSTDIR\lib"'
  Pop $0
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetOutPath "$INSTDIR"
  CreateShortCut "$DESKTOP\${SHORTCUT}" "$INSTDIR\python\pythonw.exe" "-m villagebook" \
    "$INSTDIR\villagebook.ico" 0 SW_SHOWNORMAL "" "${PRODUCT_ZH}：村党支部记录"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "程序文件和开始菜单快捷方式。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个“村务记事本”图标。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; --- uninstall: program files only, never the records --------------------------------------

Section "Uninstall"
  !insertmacro REQUIRE_NOT_RUNNING
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\licenses"
  ; the PostgreSQL add-on (VillageBook-*-postgresql-setup.exe, addon-postgresql.nsi)
  RMDir /r "$INSTDIR\addons"
  Delete "$INSTDIR\villagebook.ico"
  Delete "$INSTDIR\VillageBook.cmd"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; Kept on purpose: %LOCALAPPDATA%\VillageBook (records, attachments, backups)
  ; and HKCU\Software\VillageBook (language and window settings).
SectionEnd
