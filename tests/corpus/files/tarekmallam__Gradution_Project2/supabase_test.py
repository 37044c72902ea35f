# Stand-in for tarekmallam/Gradution_Project2:supabase_test.py - hand-written for the osai-scan corpus, not copied.
# pytest collects this file name; everything runs under main() so importing it is inert.
"""db connectivity smoke check"""


def main():
    import os
    from supabase import create_client
    client = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_API_KEY"])
    print("connected:", client.table("predictions").select("id").limit(1).execute())


if __name__ == "__main__":
    main()
