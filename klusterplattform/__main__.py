from klusterplattform.cli import main

main()
