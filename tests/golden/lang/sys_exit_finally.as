import sys
def main():
    try:
        print("working")
        sys.exit(2)
    finally:
        print("finally still runs")
main()
