never loaded
