; Inno Setup script for Guiji on Windows: packs the PyInstaller bundle (dist\guiji) into one installer.
; Built by packaging/ci/bundles.yml:  iscc /DAppVersion=0.1.0 packaging\windows\guiji.iss
; Output: dist\guiji-<version>-windows-setup.exe. Per-user install by default (no administrator needed).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C3E2B4A-9D1F-4E7B-9A55-2F0C7A1D8E31}
AppName=Guiji 轨迹
AppVersion={#AppVersion}
AppPublisher=Guiji
DefaultDirName={autopf}\Guiji
DefaultGroupName=Guiji
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=guiji-{#AppVersion}-windows-setup
SetupIconFile=..\icons\guiji.ico
UninstallDisplayIcon={app}\guiji.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\guiji\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Guiji 轨迹"; Filename: "{app}\guiji.exe"
Name: "{group}\{cm:UninstallProgram,Guiji}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Guiji 轨迹"; Filename: "{app}\guiji.exe"; Tasks: desktopicon

[Registry]
; Double-clicking a .guiji project opens it in Guiji.
Root: HKA; Subkey: "Software\Classes\.guiji"; ValueType: string; ValueName: ""; ValueData: "Guiji.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Guiji.Project"; ValueType: string; ValueName: ""; ValueData: "Guiji project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Guiji.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\guiji.exe,0"
Root: HKA; Subkey: "Software\Classes\Guiji.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\guiji.exe"" ""%1"""

[Run]
Filename: "{app}\guiji.exe"; Description: "{cm:LaunchProgram,Guiji}"; Flags: nowait postinstall skipifsilent
